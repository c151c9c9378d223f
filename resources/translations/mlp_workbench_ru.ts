<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About MLP Workbench</source>
        <translation>О программе MLP Workbench</translation>
    </message>
    <message>
        <source>MLP Workbench %1</source>
        <translation>MLP Workbench %1</translation>
    </message>
    <message>
        <source>Build, train and look inside multilayer perceptrons: a readable NumPy engine and a window that shows it learning. Free software under the MIT licence.</source>
        <translation>Стройте и обучайте многослойные перцептроны и заглядывайте внутрь: понятный движок на NumPy и окно, в котором видно, как сеть учится. Свободная программа под лицензией MIT.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Components and their versions</source>
        <translation>Компоненты и их версии</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Скопировать сведения</translation>
    </message>
    <message>
        <source>Copy these versions as text, to paste into a question or a bug report</source>
        <translation>Скопировать эти версии текстом, чтобы вставить в вопрос или сообщение об ошибке</translation>
    </message>
    <message>
        <source>not installed: the engine runs its loops as NumPy operations</source>
        <translation>не установлен: движок выполняет свои циклы операциями NumPy</translation>
    </message>
    <message>
        <source>%1 threads</source>
        <translation>потоков: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>ActivationFunctionsView</name>
    <message>
        <source>φ = z</source>
        <translation>φ = z</translation>
    </message>
    <message>
        <source>φ′ = 1</source>
        <translation>φ′ = 1</translation>
    </message>
    <message>
        <source>φ = 0, ½, 1 (z &lt;, =, &gt; 0)</source>
        <translation>φ = 0, ½, 1 (z &lt;, =, &gt; 0)</translation>
    </message>
    <message>
        <source>φ′ = 0 (z ≠ 0)</source>
        <translation>φ′ = 0 (z ≠ 0)</translation>
    </message>
    <message>
        <source>φ = −1, 0, 1 (z &lt;, =, &gt; 0)</source>
        <translation>φ = −1, 0, 1 (z &lt;, =, &gt; 0)</translation>
    </message>
    <message>
        <source>φ = min(1, max(0, z + ½))</source>
        <translation>φ = min(1, max(0, z + ½))</translation>
    </message>
    <message>
        <source>φ′ = 1 (|z| &lt; ½), else 0</source>
        <translation>φ′ = 1 (|z| &lt; ½), иначе 0</translation>
    </message>
    <message>
        <source>φ = 1 / (1 + e⁻ᶻ)</source>
        <translation>φ = 1 / (1 + e⁻ᶻ)</translation>
    </message>
    <message>
        <source>φ′ = φ(1 − φ) ≤ ¼</source>
        <translation>φ′ = φ(1 − φ) ≤ ¼</translation>
    </message>
    <message>
        <source>φ = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)</source>
        <translation>φ = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)</translation>
    </message>
    <message>
        <source>φ′ = 1 − φ²</source>
        <translation>φ′ = 1 − φ²</translation>
    </message>
    <message>
        <source>φ = max(0, z)</source>
        <translation>φ = max(0, z)</translation>
    </message>
    <message>
        <source>φ′ = 1 (z &gt; 0), 0 (z &lt; 0)</source>
        <translation>φ′ = 1 (z &gt; 0), 0 (z &lt; 0)</translation>
    </message>
    <message>
        <source>φ = z (z ≥ 0), αz (z &lt; 0)</source>
        <translation>φ = z (z ≥ 0), αz (z &lt; 0)</translation>
    </message>
    <message>
        <source>φ′ = 1 (z &gt; 0), α (z &lt; 0)</source>
        <translation>φ′ = 1 (z &gt; 0), α (z &lt; 0)</translation>
    </message>
    <message>
        <source>φ = z (z &gt; 0), α(eᶻ − 1) (z ≤ 0)</source>
        <translation>φ = z (z &gt; 0), α(eᶻ − 1) (z ≤ 0)</translation>
    </message>
    <message>
        <source>φ′ = 1 (z &gt; 0), αeᶻ (z &lt; 0)</source>
        <translation>φ′ = 1 (z &gt; 0), αeᶻ (z &lt; 0)</translation>
    </message>
    <message>
        <source>φ = ln(1 + eᶻ)</source>
        <translation>φ = ln(1 + eᶻ)</translation>
    </message>
    <message>
        <source>φ′ = σ(z)</source>
        <translation>φ′ = σ(z)</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>Функции активации</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Функции</translation>
    </message>
    <message>
        <source>%1 in hidden layer %2</source>
        <translation>%1 в скрытом слое %2</translation>
    </message>
    <message>
        <source>%1 in hidden layers %2</source>
        <translation>%1 в скрытых слоях %2</translation>
    </message>
    <message>
        <source>Plot %1 and its derivative</source>
        <translation>Построить функцию «%1» и её производную</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ни одной</translation>
    </message>
    <message>
        <source>Plot every activation</source>
        <translation>Построить все функции активации</translation>
    </message>
    <message>
        <source>Clear the choice, to pick a few</source>
        <translation>Снять все отметки, чтобы выбрать несколько функций</translation>
    </message>
    <message>
        <source>Range of z</source>
        <translation>Диапазон z</translation>
    </message>
    <message>
        <source>from</source>
        <translation>от</translation>
    </message>
    <message>
        <source>The left end of the z axis (|z| ≤ 10 000)</source>
        <translation>Левый конец оси z (|z| ≤ 10 000)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>The right end of the z axis (|z| ≤ 10 000)</source>
        <translation>Правый конец оси z (|z| ≤ 10 000)</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>Гиперпараметры</translation>
    </message>
    <message>
        <source>Where φ jumps or has a corner, φ′ is undefined: the dashed curve breaks there, and the dot is the value backpropagation uses instead.</source>
        <translation>Там, где у φ скачок или излом, φ′ не определена: пунктир там прерывается, а точка показывает значение, которое вместо неё берёт обратное распространение.</translation>
    </message>
    <message>
        <source>Cannot plot: %1</source>
        <translation>Не удаётся построить: %1</translation>
    </message>
    <message>
        <source>Choose at least one function to plot.</source>
        <translation>Выберите хотя бы одну функцию.</translation>
    </message>
    <message>
        <source>★ The network uses: %1</source>
        <translation>★ В сети: %1</translation>
    </message>
    <message>
        <source>φ(z)</source>
        <translation>φ(z)</translation>
    </message>
    <message>
        <source>φ′(z)</source>
        <translation>φ′(z)</translation>
    </message>
    <message>
        <source>φ′ at a jump or corner</source>
        <translation>φ′ в скачке или изломе</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>Decision boundary</source>
        <translation>Граница решений</translation>
    </message>
    <message>
        <source>classification data with two features</source>
        <translation>данные классификации с двумя признаками</translation>
    </message>
    <message>
        <source>Draw the test examples too, as rings in their class&apos;s colour: examples the network is neither trained nor validated on.</source>
        <translation>Показать и тестовые примеры — кольцами цвета их класса: на них сеть не обучается и не проходит валидацию.</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>Показать тестовые данные</translation>
    </message>
    <message>
        <source>&amp;Discretize output</source>
        <translation>&amp;Дискретный выход</translation>
    </message>
    <message>
        <source>Colour each point of the plane by its predicted class alone, however sure the network is: the boundary as a sharp line.</source>
        <translation>Красить каждую точку плоскости только цветом предсказанного класса, как бы ни была уверена сеть: граница — резкая линия.</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>Дискретный выход</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>предсказанный класс</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>уверенность</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>Linear: φ(z) = z, φ′(z) = 1 (the output layer of a regression network).</source>
        <translation>Линейная: φ(z) = z, φ′(z) = 1 (выходной слой регрессионной сети).</translation>
    </message>
    <message>
        <source>Unit step (Heaviside): φ(z) = 0 for z &lt; 0, ½ for z = 0, 1 for z &gt; 0 (lecture 000). φ′(z) = 0 wherever it exists, so no gradient passes: a network of steps cannot learn by backpropagation.</source>
        <translation>Единичный скачок (функция Хевисайда): φ(z) = 0 при z &lt; 0, ½ при z = 0, 1 при z &gt; 0 (лекция 000). φ′(z) = 0 везде, где она существует, так что градиент не проходит: сеть из единичных скачков не может обучаться обратным распространением ошибки.</translation>
    </message>
    <message>
        <source>Signum: φ(z) = −1 for z &lt; 0, 0 for z = 0, 1 for z &gt; 0 (lecture 000); φ′(z) = 0, so no gradient passes.</source>
        <translation>Сигнум: φ(z) = −1 при z &lt; 0, 0 при z = 0, 1 при z &gt; 0 (лекция 000); φ′(z) = 0, так что градиент не проходит.</translation>
    </message>
    <message>
        <source>Piece-wise linear unit of lecture 000: φ(z) = clip(z + ½, 0, 1); φ′(z) = 1 for −½ &lt; z &lt; ½ and 0 elsewhere.</source>
        <translation>Кусочно-линейная функция из лекции 000: φ(z) = clip(z + ½, 0, 1); φ′(z) = 1 при −½ &lt; z &lt; ½ и 0 в остальных точках.</translation>
    </message>
    <message>
        <source>Logistic sigmoid: φ(z) = 1 / (1 + e^(−z)), φ′(z) = a(1 − a) with a = φ(z).</source>
        <translation>Логистическая сигмоида: φ(z) = 1 / (1 + e^(−z)), φ′(z) = a(1 − a), где a = φ(z).</translation>
    </message>
    <message>
        <source>Hyperbolic tangent: φ(z) = (e^z − e^(−z)) / (e^z + e^(−z)), φ′(z) = 1 − a² with a = φ(z).</source>
        <translation>Гиперболический тангенс: φ(z) = (e^z − e^(−z)) / (e^z + e^(−z)), φ′(z) = 1 − a², где a = φ(z).</translation>
    </message>
    <message>
        <source>Rectified linear unit: φ(z) = max(0, z), φ′(z) = 1 for z &gt; 0 and 0 for z ≤ 0.</source>
        <translation>Линейный выпрямитель (ReLU): φ(z) = max(0, z), φ′(z) = 1 при z &gt; 0 и 0 при z ≤ 0.</translation>
    </message>
    <message>
        <source>Leaky ReLU: φ(z) = z for z ≥ 0 and αz for z &lt; 0; φ′(z) = 1 for z &gt; 0 and α for z ≤ 0, with a small α ≥ 0 (α = 0 is ReLU).</source>
        <translation>Leaky ReLU: φ(z) = z при z ≥ 0 и αz при z &lt; 0; φ′(z) = 1 при z &gt; 0 и α при z ≤ 0, с малым α ≥ 0 (α = 0 — это ReLU).</translation>
    </message>
    <message>
        <source>Exponential linear unit: φ(z) = z for z &gt; 0 and α(e^z − 1) for z ≤ 0; φ′(z) = 1 for z &gt; 0 and αe^z for z ≤ 0.</source>
        <translation>Экспоненциальная линейная функция (ELU): φ(z) = z при z &gt; 0 и α(e^z − 1) при z ≤ 0; φ′(z) = 1 при z &gt; 0 и αe^z при z ≤ 0.</translation>
    </message>
    <message>
        <source>Softplus, a smooth ReLU: φ(z) = ln(1 + e^z), φ′(z) = σ(z) (lecture 003 shows it as the sum Σᵢ σ(z + ½ − i)).</source>
        <translation>Softplus, гладкий ReLU: φ(z) = ln(1 + e^z), φ′(z) = σ(z) (в лекции 003 она показана как сумма Σᵢ σ(z + ½ − i)).</translation>
    </message>
    <message>
        <source>w = 0. Right for biases; weights all 0 leave every neuron of a layer the same, and they stay the same while training.</source>
        <translation>w = 0. Годится для смещений; при нулевых весах все нейроны слоя одинаковы и остаются одинаковыми при обучении.</translation>
    </message>
    <message>
        <source>w = {value} for every weight, as with Zeros: the window sets no other value.</source>
        <translation>w = {value} для всех весов, как у «Нулей»: другого значения окно не задаёт.</translation>
    </message>
    <message>
        <source>w ~ U(−a, a) with a = {a}: a fixed range whatever the layer&apos;s size.</source>
        <translation>w ~ U(−a, a) при a = {a}: фиксированный диапазон независимо от размера слоя.</translation>
    </message>
    <message>
        <source>w ~ N(0, std²) with std = {std}: a fixed spread whatever the layer&apos;s size (lecture 003&apos;s small random weights).</source>
        <translation>w ~ N(0, std²) при std = {std}: фиксированный разброс независимо от размера слоя (малые случайные веса из лекции 003).</translation>
    </message>
    <message>
        <source>LeCun: w ~ U(−√(3·Var), √(3·Var)) with Var(w) = 1 / fan_in (fan_in: the layer&apos;s inputs).</source>
        <translation>ЛеКун: w ~ U(−√(3·Var), √(3·Var)), где Var(w) = 1 / fan_in (fan_in — число входов слоя).</translation>
    </message>
    <message>
        <source>LeCun: w ~ N(0, Var) with Var(w) = 1 / fan_in (fan_in: the layer&apos;s inputs).</source>
        <translation>ЛеКун: w ~ N(0, Var), где Var(w) = 1 / fan_in (fan_in — число входов слоя).</translation>
    </message>
    <message>
        <source>Xavier (Glorot): w ~ U(−√(3·Var), √(3·Var)) with Var(w) = 2 / (fan_in + fan_out), the layer&apos;s inputs and outputs. Suits tanh and the sigmoid.</source>
        <translation>Ксавьер (Глоро): w ~ U(−√(3·Var), √(3·Var)), где Var(w) = 2 / (fan_in + fan_out) — по числу входов и выходов слоя. Подходит для tanh и сигмоиды.</translation>
    </message>
    <message>
        <source>Xavier (Glorot): w ~ N(0, Var) with Var(w) = 2 / (fan_in + fan_out), the layer&apos;s inputs and outputs. Suits tanh and the sigmoid.</source>
        <translation>Ксавьер (Глоро): w ~ N(0, Var), где Var(w) = 2 / (fan_in + fan_out) — по числу входов и выходов слоя. Подходит для tanh и сигмоиды.</translation>
    </message>
    <message>
        <source>He: w ~ U(−√(3·Var), √(3·Var)) with Var(w) = 2 / fan_in (fan_in: the layer&apos;s inputs). Suits ReLU.</source>
        <translation>Хе: w ~ U(−√(3·Var), √(3·Var)), где Var(w) = 2 / fan_in (fan_in — число входов слоя). Подходит для ReLU.</translation>
    </message>
    <message>
        <source>He: w ~ N(0, Var) with Var(w) = 2 / fan_in (fan_in: the layer&apos;s inputs). Suits ReLU.</source>
        <translation>Хе: w ~ N(0, Var), где Var(w) = 2 / fan_in (fan_in — число входов слоя). Подходит для ReLU.</translation>
    </message>
    <message>
        <source>Softmax cross-entropy (lecture 000), on raw scores o of K classes and labels y: pₖ = e^(oₖ) / Σⱼ e^(oⱼ), E = −ln p_y, ∂E/∂oₖ = pₖ − [k = y]; averaged over the batch.</source>
        <translation>Перекрёстная энтропия с softmax (лекция 000) на сырых оценках o для K классов и метках y: pₖ = e^(oₖ) / Σⱼ e^(oⱼ), E = −ln p_y, ∂E/∂oₖ = pₖ − [k = y]; усредняется по батчу.</translation>
    </message>
    <message>
        <source>Binary cross-entropy on one output z and labels y ∈ {0, 1}: p = σ(z), E = −y ln p − (1 − y) ln(1 − p), ∂E/∂z = p − y; averaged over the batch. Class 1 when z &gt; 0.</source>
        <translation>Бинарная перекрёстная энтропия на одном выходе z и метках y ∈ {0, 1}: p = σ(z), E = −y ln p − (1 − y) ln(1 − p), ∂E/∂z = p − y; усредняется по батчу. Класс 1 при z &gt; 0.</translation>
    </message>
    <message>
        <source>Mean squared error, for regression: E = (1/K) Σₖ (oₖ − tₖ)² over the K outputs, ∂E/∂oₖ = 2(oₖ − tₖ)/K; averaged over the batch.</source>
        <translation>Среднеквадратичная ошибка, для регрессии: E = (1/K) Σₖ (oₖ − tₖ)² по K выходам, ∂E/∂oₖ = 2(oₖ − tₖ)/K; усредняется по батчу.</translation>
    </message>
    <message>
        <source>Multiclass SVM (hinge) loss, as in cs231n: E = Σ_{j≠y} max(0, oⱼ − o_y + 1); averaged over the batch. The scores are no probabilities.</source>
        <translation>Многоклассовая функция потерь SVM (hinge), как в cs231n: E = Σ_{j≠y} max(0, oⱼ − o_y + 1); усредняется по батчу. Оценки не являются вероятностями.</translation>
    </message>
    <message>
        <source>Rosenblatt&apos;s perceptron criterion (lecture 003) on one output o, with t = ±1 for the classes 1 and 0: E = max(0, −t·o), only misclassified examples count; averaged over the batch.</source>
        <translation>Критерий персептрона Розенблатта (лекция 003) на одном выходе o, с t = ±1 для классов 1 и 0: E = max(0, −t·o), учитываются только неверно классифицированные примеры; усредняется по батчу.</translation>
    </message>
    <message>
        <source>Plain (stochastic) gradient descent: θ ← θ − η·g, with g = ∇E + λθ.</source>
        <translation>Обычный (стохастический) градиентный спуск: θ ← θ − η·g, где g = ∇E + λθ.</translation>
    </message>
    <message>
        <source>Gradient descent with momentum γ: v ← γ·v + g, θ ← θ − η·v (lecture 003&apos;s u = η·v).</source>
        <translation>Градиентный спуск с моментом γ: v ← γ·v + g, θ ← θ − η·v (в лекции 003 u = η·v).</translation>
    </message>
    <message>
        <source>Nesterov momentum: the step looks ahead along v: v ← γ·v + g, θ ← θ − η·(g + γ·v).</source>
        <translation>Метод Нестерова: шаг «заглядывает вперёд» вдоль v: v ← γ·v + g, θ ← θ − η·(g + γ·v).</translation>
    </message>
    <message>
        <source>Adagrad: each parameter&apos;s rate shrinks with its sum of squared gradients: G ← G + g², θ ← θ − η·g / (√G + ε).</source>
        <translation>Adagrad: скорость обучения каждого параметра уменьшается с ростом суммы квадратов его градиентов: G ← G + g², θ ← θ − η·g / (√G + ε).</translation>
    </message>
    <message>
        <source>RMSProp: divide by a running root mean square of the gradient: G ← ρ·G + (1 − ρ)·g², θ ← θ − η·g / (√G + ε).</source>
        <translation>RMSProp: деление на скользящее среднеквадратичное значение градиента: G ← ρ·G + (1 − ρ)·g², θ ← θ − η·g / (√G + ε).</translation>
    </message>
    <message>
        <source>Adadelta: RMSProp with a running mean of the squared steps in the numerator: s ← ρ·s + (1 − ρ)·g², Δ = √(u + ε) / √(s + ε)·g, u ← ρ·u + (1 − ρ)·Δ², θ ← θ − η·Δ.</source>
        <translation>Adadelta: RMSProp со скользящим средним квадратов шагов в числителе: s ← ρ·s + (1 − ρ)·g², Δ = √(u + ε) / √(s + ε)·g, u ← ρ·u + (1 − ρ)·Δ², θ ← θ − η·Δ.</translation>
    </message>
    <message>
        <source>Adam: momentum on g and RMSProp on g², bias-corrected: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², θ ← θ − η·m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).</source>
        <translation>Adam: момент для g и RMSProp для g², с коррекцией смещения: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², θ ← θ − η·m̂ / (√v̂ + ε), где m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).</translation>
    </message>
    <message>
        <source>AdamW: Adam with decoupled weight decay: θ ← θ·(1 − η·λ), then Adam&apos;s step with g = ∇E (λθ does not enter the moments).</source>
        <translation>AdamW: Adam с отделённым затуханием весов: θ ← θ·(1 − η·λ), затем шаг Adam с g = ∇E (λθ не входит в моменты).</translation>
    </message>
    <message>
        <source>Constant: η(t) = η₀.</source>
        <translation>Постоянная: η(t) = η₀.</translation>
    </message>
    <message>
        <source>Step decay: η(t) = η₀·q^⌊t / k⌋, multiplied by q every k steps or epochs.</source>
        <translation>Ступенчатое снижение: η(t) = η₀·q^⌊t / k⌋, умножение на q каждые k шагов или эпох.</translation>
    </message>
    <message>
        <source>Exponential decay (lecture 003): η(t) = η₀·e^(−t/T), e times smaller every T.</source>
        <translation>Экспоненциальное снижение (лекция 003): η(t) = η₀·e^(−t/T), в e раз меньше каждые T.</translation>
    </message>
    <message>
        <source>Linear decay (lecture 003): η(t) = η₀·max(1 − t/T, end_factor), never below end_factor·η₀.</source>
        <translation>Линейное снижение (лекция 003): η(t) = η₀·max(1 − t/T, end_factor), не ниже end_factor·η₀.</translation>
    </message>
    <message>
        <source>Inverse time decay: η(t) = η₀ / (1 + decay·t), halved at t = 1/decay.</source>
        <translation>Обратно пропорциональное снижение: η(t) = η₀ / (1 + decay·t), вдвое меньше при t = 1/decay.</translation>
    </message>
    <message>
        <source>Cosine annealing from η₀ to lr_min over T, after w steps of linear warm-up: η(t) = lr_min + (η₀ − lr_min)·(1 + cos(π·(t − w)/T))/2, then lr_min.</source>
        <translation>Косинусный отжиг от η₀ до lr_min за T после w шагов линейного разогрева: η(t) = lr_min + (η₀ − lr_min)·(1 + cos(π·(t − w)/T))/2, затем lr_min.</translation>
    </message>
    <message>
        <source>Triangular cycles (Smith 2015, lecture 003): η climbs linearly from η₀ to max_lr in step_size steps, comes back down in as many, and repeats.</source>
        <translation>Треугольные циклы (Smith 2015, лекция 003): η линейно растёт от η₀ до max_lr за step_size шагов, за столько же опускается обратно, и так по кругу.</translation>
    </message>
    <message>
        <source>Reduce on plateau: η ← factor·η when the validation loss has not improved for more than patience validations in a row (at the (patience + 1)-th), never below min_lr.</source>
        <translation>Снижение на плато: η ← factor·η, когда потери на валидации не улучшались больше patience проверок подряд (на (patience + 1)-й), но не ниже min_lr.</translation>
    </message>
    <message>
        <source>t counts the optimiser&apos;s steps: one per batch.</source>
        <translation>t считает шаги оптимизатора: по одному на батч.</translation>
    </message>
    <message>
        <source>t counts epochs: η changes once per pass over the training data.</source>
        <translation>t считает эпохи: η меняется раз за проход по обучающим данным.</translation>
    </message>
    <message>
        <source>1,797 handwritten digits of 8×8 pixels (scikit-learn), ten classes: small enough to train in seconds.</source>
        <translation>1 797 рукописных цифр 8×8 пикселей (scikit-learn), десять классов: обучается за секунды.</translation>
    </message>
    <message>
        <source>MNIST: 60,000 training and 10,000 test images of handwritten digits, 28×28 pixels, ten classes.</source>
        <translation>MNIST: 60 000 обучающих и 10 000 тестовых изображений рукописных цифр, 28×28 пикселей, десять классов.</translation>
    </message>
    <message>
        <source>Fashion-MNIST: 60,000 training and 10,000 test images of clothes, 28×28 pixels, ten classes: harder than MNIST.</source>
        <translation>Fashion-MNIST: 60 000 обучающих и 10 000 тестовых изображений одежды, 28×28 пикселей, десять классов: сложнее MNIST.</translation>
    </message>
    <message>
        <source>The digits you drew and saved in the Draw view, in MNIST&apos;s format (28×28, ten classes).</source>
        <translation>Цифры, которые вы нарисовали и сохранили на вкладке «Рисование», в формате MNIST (28×28, десять классов).</translation>
    </message>
    <message>
        <source>178 wines of three cultivars, 13 chemical measurements each.</source>
        <translation>178 вин трёх сортов винограда, по 13 химических измерений каждое.</translation>
    </message>
    <message>
        <source>Lecture 001&apos;s wines: two cultivars (classes 0 and 1) by two features, alcohol and proline.</source>
        <translation>Вина из лекции 001: два сорта (классы 0 и 1) по двум признакам — алкоголю и пролину.</translation>
    </message>
    <message>
        <source>x₁ XOR x₂: class 1 when exactly one input is 1. No straight line separates the classes; with noise, clouds of points around the corners.</source>
        <translation>x₁ XOR x₂: класс 1, когда ровно один вход равен 1. Никакая прямая не разделяет классы; с шумом — облака точек вокруг углов.</translation>
    </message>
    <message>
        <source>x₁ XNOR x₂ (lecture 001): class 1 when both inputs are equal; with noise, clouds of points around the corners.</source>
        <translation>x₁ XNOR x₂ (лекция 001): класс 1, когда входы равны; с шумом — облака точек вокруг углов.</translation>
    </message>
    <message>
        <source>Regression: y = sin(x) + σ·ε on x ∈ [−π, π].</source>
        <translation>Регрессия: y = sin(x) + σ·ε на x ∈ [−π, π].</translation>
    </message>
    <message>
        <source>Regression: the disease&apos;s progression after one year (25 to 346) from 10 baseline measurements of 442 patients.</source>
        <translation>Регрессия: развитие болезни через год (от 25 до 346) по 10 исходным измерениям 442 пациентов.</translation>
    </message>
    <message>
        <source>Two interleaving half circles, a class each (scikit-learn&apos;s make_moons).</source>
        <translation>Два переплетённых полукруга, по классу на каждый (make_moons из scikit-learn).</translation>
    </message>
    <message>
        <source>A circle of one class inside a ring of the other: no line separates them, x₁² and x₂² do.</source>
        <translation>Круг одного класса внутри кольца другого: прямая их не разделяет, а x₁² и x₂² — разделяют.</translation>
    </message>
    <message>
        <source>Spiral arms winding around the centre, one class each (TensorFlow Playground&apos;s hard case).</source>
        <translation>Рукава спирали, закрученные вокруг центра, по классу на каждый (трудный случай TensorFlow Playground).</translation>
    </message>
    <message>
        <source>Round Gaussian clouds of points, one class each.</source>
        <translation>Круглые гауссовы облака точек, по классу на каждое.</translation>
    </message>
    <message>
        <source>Regression: y = (x₁ + x₂) / 12 + σ·ε on [−6, 6]², a tilted plane from −1 to 1 (TensorFlow Playground&apos;s “Plane”).</source>
        <translation>Регрессия: y = (x₁ + x₂) / 12 + σ·ε на [−6, 6]², наклонная плоскость от −1 до 1 («Plane» из TensorFlow Playground).</translation>
    </message>
    <message>
        <source>Regression: six Gaussian bumps of height ±1 in a chequerboard on [−6, 6]², plus σ·ε (TensorFlow Playground&apos;s “Multi Gaussian”).</source>
        <translation>Регрессия: шесть гауссовых холмов высотой ±1 в шахматном порядке на [−6, 6]², плюс σ·ε («Multi Gaussian» из TensorFlow Playground).</translation>
    </message>
    <message>
        <source>Your own table: a CSV file, one example per row, numbers and a label column (classes, or a number to predict).</source>
        <translation>Ваша собственная таблица: файл CSV, по примеру в строке, числа и столбец меток (классы или число, которое нужно предсказать).</translation>
    </message>
    <message>
        <source>What suits the data set: images ÷ the largest pixel value, measurements standardised, XOR&apos;s 0 and 1 as they are.</source>
        <translation>То, что подходит набору данных: изображения ÷ наибольшее значение пикселя, измерения стандартизуются, 0 и 1 у XOR остаются как есть.</translation>
    </message>
    <message>
        <source>x′ = (x − μ) / σ per feature, μ and σ of the training split: every feature centred at 0 with spread 1.</source>
        <translation>x′ = (x − μ) / σ для каждого признака, μ и σ по обучающей выборке: каждый признак с центром в 0 и разбросом 1.</translation>
    </message>
    <message>
        <source>x′ = (x − min) / (max − min) per feature, of the training split: every feature in [0, 1]; images ÷ the largest pixel value.</source>
        <translation>x′ = (x − min) / (max − min) для каждого признака, по обучающей выборке: каждый признак в [0, 1]; изображения ÷ наибольшее значение пикселя.</translation>
    </message>
    <message>
        <source>The numbers as they are. Features of very different sizes slow gradient descent down.</source>
        <translation>Числа как есть. Признаки очень разного масштаба замедляют градиентный спуск.</translation>
    </message>
    <message>
        <source>What suits the data set: the targets as they are, the diabetes data&apos;s standardised.</source>
        <translation>То, что подходит набору данных: целевые значения как есть, у диабета — стандартизованные.</translation>
    </message>
    <message>
        <source>y′ = (y − μ) / σ, μ and σ of the training split&apos;s targets: the network learns targets centred at 0 with spread 1, and its predictions ŷ = μ + σ·ŷ′ are shown in the data&apos;s units.</source>
        <translation>y′ = (y − μ) / σ, μ и σ по целевым значениям обучающей выборки: сеть учится на значениях с центром в 0 и разбросом 1, а её предсказания ŷ = μ + σ·ŷ′ показываются в единицах данных.</translation>
    </message>
    <message>
        <source>y′ = (y − min) / (max − min) of the training split&apos;s targets, in [0, 1]; the predictions ŷ = min + (max − min)·ŷ′ are shown in the data&apos;s units.</source>
        <translation>y′ = (y − min) / (max − min) по целевым значениям обучающей выборки, в [0, 1]; предсказания ŷ = min + (max − min)·ŷ′ показываются в единицах данных.</translation>
    </message>
    <message>
        <source>The targets as they are. Large ones (prices of 100,000) make the squared error and its gradients huge: learning diverges or crawls.</source>
        <translation>Целевые значения как есть. Большие (цены порядка 100 000) делают квадратичную ошибку и её градиенты огромными: обучение расходится или ползёт.</translation>
    </message>
    <message>
        <source>Single precision, about 7 significant digits: about twice as fast.</source>
        <translation>Одинарная точность, около 7 значащих цифр: примерно вдвое быстрее.</translation>
    </message>
    <message>
        <source>Double precision, about 16 significant digits: for precise experiments (a gradient check).</source>
        <translation>Двойная точность, около 16 значащих цифр: для точных экспериментов (проверки градиента).</translation>
    </message>
    <message>
        <source>The label column holds exactly two classes.</source>
        <translation>В столбце меток ровно два класса.</translation>
    </message>
    <message>
        <source>The label column holds classes, any number of them.</source>
        <translation>В столбце меток классы, сколько угодно.</translation>
    </message>
    <message>
        <source>The label column holds a number to predict.</source>
        <translation>В столбце меток число, которое нужно предсказать.</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>steps</source>
        <translation>шаги</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>эпохи</translation>
    </message>
    <message>
        <source>computing time (s)</source>
        <translation>время вычислений (с)</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>ранняя остановка</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлено</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>разошлось</translation>
    </message>
    <message>
        <source>Compare optimisers</source>
        <translation>Сравнение оптимизаторов</translation>
    </message>
    <message>
        <source>Race summary</source>
        <translation>Итоги гонки</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Потери на валидации</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Гонка</translation>
    </message>
    <message>
        <source>Ready-made races. Using one replaces the contenders.</source>
        <translation>Готовые гонки. Выбор гонки заменяет участников.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Готовая гонка</translation>
    </message>
    <message>
        <source>Choose a preset…</source>
        <translation>Выберите готовую гонку…</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Replace the contenders with the chosen preset&apos;s (some presets bring their own network and data as well).</source>
        <translation>Заменить участников участниками выбранной гонки (некоторые гонки приносят и свои сеть и данные).</translation>
    </message>
    <message>
        <source>How many epochs every contender trains.</source>
        <translation>Сколько эпох обучается каждый участник.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Contenders</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Add a contender: a copy of the selected one, to change (at most 8).</source>
        <translation>Добавить участника: копию выбранного, чтобы изменить её (не больше 8).</translation>
    </message>
    <message>
        <source>The contender&apos;s name in the legend and in the results table.</source>
        <translation>Имя участника в легенде и в таблице результатов.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>t counts</source>
        <translation>t считает</translation>
    </message>
    <message>
        <source>Steps, epochs, or each contender&apos;s computing time as if it had trained alone: its steps × the median time of one of its steps (with its share of the evaluations), so that one-off preparation and steps slowed by the window&apos;s drawing count for no one.</source>
        <translation>Шаги, эпохи или время вычислений каждого участника, как если бы он обучался один: его шаги × медианное время одного его шага (с его долей оценок на валидации), так что разовая подготовка и шаги, замедленные отрисовкой окна, ни на кого не засчитываются.</translation>
    </message>
    <message>
        <source>Save the curves as a CSV table: each contender&apos;s training loss and learning rate at every step, and its training and validation loss and score at every epoch, by step, epoch and its own seconds.</source>
        <translation>Сохранить кривые в таблицу CSV: потери на обучении и скорость обучения каждого участника на каждом шаге, а также его потери и оценку на обучении и на валидации в каждой эпохе — по шагам, эпохам и его собственным секундам.</translation>
    </message>
    <message>
        <source>Export summary…</source>
        <translation>Экспорт итогов…</translation>
    </message>
    <message>
        <source>Save the results table as a CSV table, one row per contender, with its numbers unrounded.</source>
        <translation>Сохранить таблицу результатов в CSV: по строке на участника, числа без округления.</translation>
    </message>
    <message>
        <source>Summary (*.csv)</source>
        <translation>Итоги (*.csv)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Старт</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Train every contender from the same initial weights on the same batches, taking turns batch by batch.</source>
        <translation>Обучать всех участников из одних и тех же начальных весов на одних и тех же батчах, по очереди, батч за батчем.</translation>
    </message>
    <message>
        <source>Hold every contender at the same step; again to go on.</source>
        <translation>Остановить всех участников на одном и том же шаге; ещё раз — продолжить.</translation>
    </message>
    <message>
        <source>End the race; the curves and the table stay.</source>
        <translation>Закончить гонку; кривые и таблица остаются.</translation>
    </message>
    <message>
        <source>Every contender diverged (the table&apos;s tooltips say where): lower their learning rates (η) and start again.</source>
        <translation>Все участники разошлись (где именно — в подсказках таблицы): уменьшите их скорости обучения (η) и начните гонку снова.</translation>
    </message>
    <message>
        <source>The race was stopped; the curves and the table show it up to then.</source>
        <translation>Гонка остановлена; кривые и таблица показывают её до этого момента.</translation>
    </message>
    <message>
        <source>{label} (diverged at step {step})</source>
        <translation>{label} (разошлось на шаге {step})</translation>
    </message>
    <message>
        <source>No race yet: choose a preset or set up the contenders, then press Start. Each contender&apos;s curves are drawn here.</source>
        <translation>Гонки ещё не было: выберите готовую гонку или настройте участников и нажмите «Старт». Здесь будут нарисованы кривые каждого участника.</translation>
    </message>
    <message>
        <source>No race yet: press Start, and each contender&apos;s results appear here, a row each.</source>
        <translation>Гонки ещё не было: нажмите «Старт», и здесь появятся итоги участников, по строке на каждого.</translation>
    </message>
    <message>
        <source>accuracy, %</source>
        <translation>точность, %</translation>
    </message>
    <message>
        <source>Steps until the end of the first epoch whose mean training loss (over the epoch&apos;s batches) reached the target: the lowest epoch mean that every contender still in the race and learning has reached (one whose loss never fell 10 % below its start is left out), but no higher than halfway, on a logarithmic scale, from the first loss to the median contender&apos;s lowest, so that one slow contender does not make it a loss the others reach early. Counted in whole epochs; with one step per epoch, the step whose loss reached it.</source>
        <translation>Шаги до конца первой эпохи, средние потери на обучении которой (по батчам эпохи) достигли цели: наименьшего среднего по эпохе, которого достигли все участники, ещё остающиеся в гонке и обучающиеся (участник, чьи потери ни разу не опустились на 10 % ниже начальных, не учитывается), но не выше середины, в логарифмическом масштабе, между первыми потерями и наименьшими потерями медианного участника, чтобы один медленный участник не делал целью потери, которых остальные достигают рано. Считается целыми эпохами; при одном шаге за эпоху — шаг, потери которого достигли цели.</translation>
    </message>
    <message>
        <source>Its smoothed training loss never fell {percent} below where it started: try another learning rate.</source>
        <translation>Его сглаженные потери на обучении так и не опустились на {percent} ниже начальных: попробуйте другую скорость обучения.</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>оптимизатор</translation>
    </message>
    <message>
        <source>best validation {metric}</source>
        <translation>лучшая {metric} на валидации</translation>
    </message>
    <message>
        <source>at epoch</source>
        <translation>в эпохе</translation>
    </message>
    <message>
        <source>target loss (epoch mean)</source>
        <translation>целевые потери (среднее за эпоху)</translation>
    </message>
    <message>
        <source>steps to target loss</source>
        <translation>шагов до целевых потерь</translation>
    </message>
    <message>
        <source>seconds per epoch</source>
        <translation>секунд на эпоху</translation>
    </message>
    <message>
        <source>%1, of the scaled targets</source>
        <translation>%1, по масштабированной цели</translation>
    </message>
    <message>
        <source>no race has results yet</source>
        <translation>ни у одной гонки ещё нет результатов</translation>
    </message>
    <message>
        <source>the file name must end in .csv</source>
        <translation>имя файла должно оканчиваться на .csv</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Отображение</translation>
    </message>
    <message>
        <source>x-axis</source>
        <translation>ось x</translation>
    </message>
    <message>
        <source>logarithmic loss axis</source>
        <translation>логарифмическая ось потерь</translation>
    </message>
    <message>
        <source>Losses on a logarithmic axis: equal ratios look equally far apart, so a late tenfold fall shows as clearly as an early one.</source>
        <translation>Потери на логарифмической оси: равные отношения выглядят равными расстояниями, и позднее десятикратное падение видно так же ясно, как раннее.</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>авто</translation>
    </message>
    <message>
        <source>Target loss</source>
        <translation>Целевые потери</translation>
    </message>
    <message>
        <source>Export curves…</source>
        <translation>Экспорт кривых…</translation>
    </message>
    <message>
        <source>Curves (*.csv)</source>
        <translation>Кривые (*.csv)</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>нет скрытого слоя</translation>
    </message>
    <message>
        <source>the preset&apos;s configuration</source>
        <translation>конфигурации готовой гонки</translation>
    </message>
    <message>
        <source>the workbench&apos;s configuration</source>
        <translation>конфигурации рабочего окна</translation>
    </message>
    <message>
        <source>The summary counts the steps each contender needed until the mean training loss of an epoch reached this value. Empty: the lowest epoch mean every contender still in the race and learning has reached, at most halfway (on a logarithmic scale) from the first loss to the median contender&apos;s lowest.</source>
        <translation>В итогах считается, сколько шагов понадобилось каждому участнику, пока средние по эпохе потери на обучении не достигли этого значения. Пусто: наименьшее среднее по эпохе, которого достигли все участники, ещё остающиеся в гонке и обучающиеся, но не выше середины (в логарифмическом масштабе) между первыми потерями и наименьшими потерями медианного участника.</translation>
    </message>
    <message>
        <source>The next race will run on {source}: {dataset}, hidden layers {layers}, batches of {batch}.</source>
        <translation>Следующая гонка пойдёт на {source}: {dataset}, скрытые слои {layers}, батчи по {batch}.</translation>
    </message>
    <message>
        <source>the lab&apos;s configuration</source>
        <translation>конфигурации лабораторной</translation>
    </message>
    <message>
        <source>Runs on {source}: {dataset}, hidden layers {layers}, batches of {batch}.</source>
        <translation>Запуск на {source}: {dataset}, скрытые слои {layers}, батчи по {batch}.</translation>
    </message>
    <message>
        <source>{optimizer} η={lr}</source>
        <translation>{optimizer} η={lr}</translation>
    </message>
    <message>
        <source>{optimizer} η={lr}, {schedule}</source>
        <translation>{optimizer} η={lr}, {schedule}</translation>
    </message>
    <message>
        <source>Choose {low} to {high} contenders.</source>
        <translation>Выберите от {low} до {high} участников.</translation>
    </message>
    <message>
        <source>Give every contender its own label.</source>
        <translation>Дайте каждому участнику своё название.</translation>
    </message>
    <message>
        <source>{label}: {problem}</source>
        <translation>{label}: {problem}</translation>
    </message>
    <message>
        <source>Loading the data and building {count} copies of the network…</source>
        <translation>Загрузка данных и построение {count} копий сети…</translation>
    </message>
    <message>
        <source>Racing…</source>
        <translation>Гонка идёт…</translation>
    </message>
    <message>
        <source>Paused: every contender waits.</source>
        <translation>Пауза: все участники ждут.</translation>
    </message>
    <message>
        <source>The race failed: {message}</source>
        <translation>Гонка прервалась с ошибкой: {message}</translation>
    </message>
    <message>
        <source>The race is over.</source>
        <translation>Гонка окончена.</translation>
    </message>
    <message>
        <source>Type a loss above 0, or leave the field empty for the automatic target.</source>
        <translation>Введите потерю больше 0 или оставьте поле пустым для автоматической цели.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>{label} (off scale)</source>
        <translation>{label} (вне шкалы)</translation>
    </message>
    <message>
        <source>Training loss of the scaled targets: each step and smoothed</source>
        <translation>Потери на обучении по масштабированной цели: шаги и сглаженные</translation>
    </message>
    <message>
        <source>Training loss of the scaled targets at each step</source>
        <translation>Потери на обучении по масштабированной цели на каждом шаге</translation>
    </message>
    <message>
        <source>Training loss: each step and smoothed</source>
        <translation>Потери на обучении: шаги и сглаженные</translation>
    </message>
    <message>
        <source>Training loss of each step</source>
        <translation>Потери на обучении на каждом шаге</translation>
    </message>
    <message>
        <source>Validation loss of the scaled targets</source>
        <translation>Потери на валидации по масштабированной цели</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>Validation {metric}</source>
        <translation>{metric} на валидации</translation>
    </message>
    <message>
        <source>contender</source>
        <translation>участник</translation>
    </message>
    <message>
        <source>at
epoch</source>
        <translation>на
эпохе</translation>
    </message>
    <message>
        <source>best
validation
{metric}</source>
        <translation>лучшая
{metric}
на валидации</translation>
    </message>
    <message>
        <source>s per
epoch</source>
        <translation>с на
эпоху</translation>
    </message>
    <message>
        <source>steps until
epoch mean
reached target</source>
        <translation>шагов до
цели по
среднему
за эпоху</translation>
    </message>
    <message>
        <source>Seconds per epoch as if the contender had trained alone: the median time of one of its steps × the steps of an epoch, plus the median time of its end-of-epoch evaluation.</source>
        <translation>Секунды на эпоху, как если бы участник обучался один: медианное время одного его шага × число шагов в эпохе плюс медианное время его оценки в конце эпохи.</translation>
    </message>
    <message>
        <source>did not learn</source>
        <translation>не обучился</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё нет</translation>
    </message>
    <message>
        <source>status</source>
        <translation>состояние</translation>
    </message>
    <message>
        <source>Remove the selected contender (a race needs at least 2).</source>
        <translation>Убрать выбранного участника (в гонке их не меньше 2).</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>пауза</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>steps until
epoch mean
≤ {target}</source>
        <translation>шагов до
среднего
за эпоху
≤ {target}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>не достигнута</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>потери на валидации</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>скорость обучения</translation>
    </message>
    <message>
        <source>training loss (each step)</source>
        <translation>потери на обучении (каждый шаг)</translation>
    </message>
    <message>
        <source>training loss (epoch mean)</source>
        <translation>потери на обучении (среднее за эпоху)</translation>
    </message>
    <message>
        <source>training {metric} (epoch)</source>
        <translation>{metric} на обучении (эпоха)</translation>
    </message>
    <message>
        <source>validation {metric}</source>
        <translation>{metric} на валидации</translation>
    </message>
    <message>
        <source>series</source>
        <translation>ряд</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>эпоха</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунды</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
</context>
<context>
    <name>ConfigPanel</name>
    <message>
        <source>Problems</source>
        <translation>Ошибки</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Confusion matrix</source>
        <translation>Матрица ошибок</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>истинный класс</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>предсказанный класс</translation>
    </message>
    <message>
        <source>classification data</source>
        <translation>данные классификации</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>валидация</translation>
    </message>
    <message>
        <source>training</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>{evaluated} of {available} {split} examples, {correct} right</source>
        <translation>{evaluated} из {available} примеров ({split}), верно {correct}</translation>
    </message>
    <message>
        <source>after step {step} (epoch {epoch})</source>
        <translation>после шага {step} (эпоха {epoch})</translation>
    </message>
    <message>
        <source>The most confident mistakes</source>
        <translation>Самые уверенные ошибки</translation>
    </message>
    <message>
        <source>{true} predicted as {predicted}: {count} examples</source>
        <translation>{true} предсказано как {predicted}: {count} примеров</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ни одной</translation>
    </message>
    <message>
        <source>{true} → {predicted} ({confidence})</source>
        <translation>{true} → {predicted} ({confidence})</translation>
    </message>
    <message>
        <source>{true} → {predicted} (margin {confidence})</source>
        <translation>{true} → {predicted} (отрыв {confidence})</translation>
    </message>
    <message>
        <source>true \ predicted</source>
        <translation>истинный \ предсказанный</translation>
    </message>
</context>
<context>
    <name>ControlsBeside</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Итоги</translation>
    </message>
</context>
<context>
    <name>CsvProblems</name>
    <message>
        <source>{path} is not a file name; choose a CSV file</source>
        <translation>{path} — не имя файла; выберите файл CSV</translation>
    </message>
    <message>
        <source>{path}: task {task!r} is not one of {tasks}</source>
        <translation>{path}: задача {task!r} не входит в список: {tasks}</translation>
    </message>
    <message>
        <source>{path}: cannot read it: there is no such file; choose an existing CSV file</source>
        <translation>{path}: не удаётся прочитать: такого файла нет; выберите существующий CSV-файл</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a CSV file</source>
        <translation>{path} — это папка; выберите CSV-файл</translation>
    </message>
    <message>
        <source>{path} is not a text file (it holds bytes no text has); export it from your spreadsheet as CSV</source>
        <translation>{path} — не текстовый файл (в нём есть байты, которых не бывает в тексте); сохраните таблицу как CSV</translation>
    </message>
    <message>
        <source>{path}: cannot read it ({reason})</source>
        <translation>{path}: не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <source>{path}: the file has no rows</source>
        <translation>{path}: в файле нет строк</translation>
    </message>
    <message>
        <source>{path}: the file has a header but no data rows</source>
        <translation>{path}: в файле есть заголовок, но нет строк с данными</translation>
    </message>
    <message>
        <source>{path}: row {row} has {cells} cells but the first row has {width}: {column} is missing</source>
        <translation>{path}: в строке {row} ячеек {cells}, а в первой строке {width}: нет столбца {column}</translation>
    </message>
    <message>
        <source>{path}: row {row} has {cells} cells but the header has {width}: {column} is missing</source>
        <translation>{path}: в строке {row} ячеек {cells}, а в заголовке {width}: нет столбца {column}</translation>
    </message>
    <message>
        <source>{path}: row {row} has {cells} cells but the first row has {width}: {column} is extra</source>
        <translation>{path}: в строке {row} ячеек {cells}, а в первой строке {width}: лишний столбец {column}</translation>
    </message>
    <message>
        <source>{path}: row {row} has {cells} cells but the header has {width}: {column} is extra</source>
        <translation>{path}: в строке {row} ячеек {cells}, а в заголовке {width}: лишний столбец {column}</translation>
    </message>
    <message>
        <source>{path}: the only column is the label; a data set needs at least one feature column</source>
        <translation>{path}: единственный столбец — метка; набору данных нужен хотя бы один столбец признаков</translation>
    </message>
    <message>
        <source>{path}: row {row}, {column}: the label is missing</source>
        <translation>{path}: строка {row}, столбец {column}: нет метки</translation>
    </message>
    <message>
        <source>{path}: {column}: every row has the label {label!r}; classification needs at least two classes (choose another label column, or the task &apos;regression&apos;)</source>
        <translation>{path}: столбец {column}: во всех строках метка {label!r}; для классификации нужно хотя бы два класса (выберите другой столбец меток или задачу «регрессия»)</translation>
    </message>
    <message>
        <source>{path}: {column} has {count} classes ({classes}); the task &apos;binary&apos; needs exactly two</source>
        <translation>{path}: в столбце {column} классов: {count} ({classes}); для задачи «бинарная классификация» нужно ровно два</translation>
    </message>
    <message>
        <source>{path}: row {row}, {column}: missing value ({cell!r})</source>
        <translation>{path}: строка {row}, столбец {column}: пропущенное значение ({cell!r})</translation>
    </message>
    <message>
        <source>{path}: row {row}, {column}: {cell!r} is not a number</source>
        <translation>{path}: строка {row}, столбец {column}: {cell!r} — не число</translation>
    </message>
    <message>
        <source>{path}: {column} holds text ({cell!r}, …), not numbers: if it holds the labels, choose it as the label column</source>
        <translation>{path}: в столбце {column} текст ({cell!r}, …), а не числа: если это метки, выберите его столбцом меток</translation>
    </message>
    <message>
        <source>{path}: the labels in {column} are text ({cell!r}); the task &apos;regression&apos; needs numbers: choose the task &apos;multiclass&apos; (or &apos;binary&apos;)</source>
        <translation>{path}: метки в столбце {column} — текст ({cell!r}); задаче «регрессия» нужны числа: выберите задачу «многоклассовая» (или «бинарная»)</translation>
    </message>
    <message>
        <source>{path}: row {row}, {column}: {cell!r} is beyond ±1.7e38, the largest value the engine can scale in its 32-bit numbers (±3.4e38); rescale that column (other units)</source>
        <translation>{path}: строка {row}, столбец {column}: {cell!r} больше ±1.7e38 — наибольшего значения, которое движок может масштабировать в своих 32-битных числах (±3.4e38); измените масштаб этого столбца (другие единицы)</translation>
    </message>
    <message>
        <source>{path}: row {row}: a quote (&quot;) opens a cell that does not end on that row; close or remove that quote</source>
        <translation>{path}: строка {row}: кавычка (&quot;) открывает ячейку, которая не заканчивается в этой строке; закройте или уберите эту кавычку</translation>
    </message>
    <message>
        <source>{path}: a quote (&quot;) opens a cell that never ends (read up to row {row}); close or remove that quote</source>
        <translation>{path}: кавычка (&quot;) открывает ячейку, которая так и не заканчивается (файл прочитан до строки {row}); закройте или уберите эту кавычку</translation>
    </message>
    <message>
        <source>{path}: the label column {label!r} is a name, but the file has no header; give its 0-based index</source>
        <translation>{path}: столбец меток {label!r} задан именем, но у файла нет заголовка; укажите его номер, считая с 0</translation>
    </message>
    <message>
        <source>{path}: no column named {label!r}; the columns are: {names}</source>
        <translation>{path}: нет столбца с именем {label!r}; столбцы: {names}</translation>
    </message>
    <message>
        <source>{path}: the label column {label!r} must be a column name or an index in {low} … {high}</source>
        <translation>{path}: столбец меток {label!r} должен быть именем столбца или номером от {low} до {high}</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>№ {number}</translation>
    </message>
    <message>
        <source>column {number} ({name!r})</source>
        <translation>№ {number} ({name!r})</translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удаётся прочитать %1: %2</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>%1, %2 classes</source>
        <translation>%1, классов: %2</translation>
    </message>
    <message>
        <source> (%1 images)</source>
        <translation> (изображения %1)</translation>
    </message>
    <message>
        <source>%1, %2; %3 train / %4 validation / %5 test</source>
        <translation>%1, %2; обучение %3 / валидация %4 / тест %5</translation>
    </message>
    <message>
        <source>Read as %1: the file is not UTF-8 text. If its names or labels show wrong letters, save it from your spreadsheet as CSV UTF-8.</source>
        <translation>Прочитан как %1: файл не в кодировке UTF-8. Если в названиях или метках видны не те буквы, сохраните таблицу как CSV UTF-8.</translation>
    </message>
    <message>
        <source>Read as %1, the encoding the mark at the file&apos;s start names.</source>
        <translation>Прочитан как %1: эту кодировку называет метка в начале файла.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 и ещё %2</translation>
    </message>
    <message>
        <source>This variant of the lab trains on them unscaled on purpose: far beyond the ±1 or so that a network&apos;s initial weights are made for, they saturate its units or make its sums huge. Watch how slowly the loss falls (or whether it overflows).</source>
        <translation>В этом варианте лабораторной сеть намеренно обучается на них без масштабирования: далеко за пределами примерно ±1, на которые рассчитаны начальные веса сети, они насыщают нейроны или делают суммы огромными. Следите, как медленно падают потери (или не возникает ли переполнение).</translation>
    </message>
    <message>
        <source>That is far beyond the ±1 or so that a network&apos;s initial weights are made for: its units saturate or its sums grow huge, and learning crawls or overflows.</source>
        <translation>Это далеко за пределами примерно ±1, на которые рассчитаны начальные веса сети: нейроны насыщаются или суммы становятся огромными, и обучение ползёт или приводит к переполнению.</translation>
    </message>
    <message>
        <source>Choose the target scaling “%1” (or “%2”): the network then learns scaled targets, and its predictions are shown in the data&apos;s units.</source>
        <translation>Выберите масштабирование y «%1» (или «%2»): сеть будет учиться на масштабированных целевых значениях, а её предсказания будут показаны в единицах данных.</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>Наб&amp;ор данных</translation>
    </message>
    <message>
        <source>Dataset summary</source>
        <translation>Сводка о наборе данных</translation>
    </message>
    <message>
        <source>Data warning</source>
        <translation>Предупреждение о данных</translation>
    </message>
    <message>
        <source>Downloads the data set, shown when its files are not on this computer.</source>
        <translation>Скачивает набор данных; кнопка видна, когда его файлов нет на этом компьютере.</translation>
    </message>
    <message>
        <source>(this dataset has no options)</source>
        <translation>(у этого набора данных нет параметров)</translation>
    </message>
    <message>
        <source>Data s&amp;eed</source>
        <translation>Зерно &amp;данных</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Входы</translation>
    </message>
    <message>
        <source>Split and scaling</source>
        <translation>Разбиение и масштабирование</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>Доля валидации</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>Доля теста</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Training examples at most</source>
        <translation>Не больше обучающих примеров</translation>
    </message>
    <message>
        <source>Training e&amp;xamples at most</source>
        <translation>Не больше &amp;примеров</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Масштабирование</translation>
    </message>
    <message>
        <source>Target scaling</source>
        <translation>Масштабирование цели</translation>
    </message>
    <message>
        <source>T&amp;arget scaling</source>
        <translation>Масштабировани&amp;е y</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>Зерно данных</translation>
    </message>
    <message>
        <source>Regenerate the data</source>
        <translation>Сгенерировать данные заново</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Вход %1</translation>
    </message>
    <message>
        <source>Augmentation of training images</source>
        <translation>Аугментация обучающих изображений</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Аугментация</translation>
    </message>
    <message>
        <source>Three training images (left) and random augmented copies of them, as the network will see them.</source>
        <translation>Три обучающих изображения (слева) и их случайные аугментированные копии — такими их увидит сеть.</translation>
    </message>
    <message>
        <source>Augmentation preview</source>
        <translation>Просмотр аугментации</translation>
    </message>
    <message>
        <source>Download %1 (%2 MB)</source>
        <translation>Скачать «%1» (%2 МБ)</translation>
    </message>
    <message>
        <source>Fetches the four files of %1 from its public mirrors, checks each against its published MD5 checksum and keeps them in %2, where the next start finds them. Offline, ask for the files (a teacher&apos;s lab pack) and choose their folder instead, or point MLP_WORKBENCH_DATA at a folder with a &apos;%3&apos; sub-folder holding them.</source>
        <translation>Скачивает четыре файла набора «%1» с его общедоступных зеркал, сверяет каждый с опубликованной контрольной суммой MD5 и сохраняет их в %2, где их найдёт следующий запуск. Без интернета попросите файлы (лабораторный пакет преподавателя) и выберите их папку или укажите в MLP_WORKBENCH_DATA папку с подпапкой «%3», в которой они лежат.</translation>
    </message>
    <message>
        <source>Download the data set</source>
        <translation>Скачать набор данных</translation>
    </message>
    <message>
        <source>%1 feature(s)</source>
        <translation>признаков: %1</translation>
    </message>
    <message>
        <source>Feature values reach %1 (in %2).</source>
        <translation>Значения признаков достигают %1 (в %2).</translation>
    </message>
    <message>
        <source>The regression targets reach %1.</source>
        <translation>Целевые значения регрессии достигают %1.</translation>
    </message>
    <message>
        <source>Even scaled, they lie far outside the training data: check those values in the file (a typing error? other units?).</source>
        <translation>Даже после масштабирования они лежат далеко за пределами обучающих данных: проверьте эти значения в файле (опечатка? другие единицы?).</translation>
    </message>
    <message>
        <source>Choose the scaling “%1” (or “%2”).</source>
        <translation>Выберите масштабирование «%1» (или «%2»).</translation>
    </message>
    <message>
        <source>Valida&amp;tion split</source>
        <translation>Доля валида&amp;ции</translation>
    </message>
    <message>
        <source>Test s&amp;plit</source>
        <translation>Дол&amp;я теста</translation>
    </message>
    <message>
        <source>S&amp;caling</source>
        <translation>&amp;Масштабирование</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>Сгене&amp;рировать</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Not loaded.</source>
        <translation>Не загружено.</translation>
    </message>
</context>
<context>
    <name>DatasetDownload</name>
    <message>
        <source>The %1 files in %2 are damaged (%3). Download a good copy with the button below (%4 MB, kept in %5), or replace them with good copies.</source>
        <translation>Файлы набора «%1» в %2 повреждены (%3). Скачайте исправную копию кнопкой ниже (%4 МБ, хранится в %5) или замените их исправными копиями.</translation>
    </message>
    <message>
        <source>%1 is not on this computer. Download it with the button below (%2 MB, once: it is kept in %3), or choose the folder that holds its four IDX files.</source>
        <translation>Набора «%1» нет на этом компьютере. Скачайте его кнопкой ниже (%2 МБ, один раз: он сохранится в %3) или выберите папку с его четырьмя файлами IDX.</translation>
    </message>
    <message>
        <source>The folder chosen, %1, does not exist.</source>
        <translation>Выбранной папки %1 не существует.</translation>
    </message>
    <message>
        <source>The folder chosen, %1, holds none of the four files, which must be named %2 (or without .gz): rename them if they are named otherwise.</source>
        <translation>В выбранной папке %1 нет ни одного из четырёх файлов; они должны называться %2 (или без .gz): переименуйте их, если они названы иначе.</translation>
    </message>
    <message>
        <source>The folder chosen, %1, lacks %2.</source>
        <translation>В выбранной папке %1 не хватает: %2.</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Скачивается «%1»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>Скачивание «%1»</translation>
    </message>
    <message>
        <source>Downloading %1: %2 of %3 MB</source>
        <translation>Скачивается «%1»: %2 из %3 МБ</translation>
    </message>
    <message>
        <source>Could not download %1: no mirror gave a good copy. Check the internet connection and try again, or copy the four files from a computer that has them and choose their folder.
%2</source>
        <translation>Не удалось скачать «%1»: ни одно зеркало не дало исправную копию. Проверьте подключение к интернету и попробуйте снова или скопируйте четыре файла с компьютера, где они есть, и выберите их папку.
%2</translation>
    </message>
    <message>
        <source>Could not save %1 in %2: %3. Free some space or make the folder writable, then try again.</source>
        <translation>Не удалось сохранить «%1» в %2: %3. Освободите место или разрешите запись в папку и попробуйте снова.</translation>
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation>Не удалось скачать «%1»: %2</translation>
    </message>
</context>
<context>
    <name>DrawView</name>
    <message>
        <source>unnamed data</source>
        <translation>безымянных данных</translation>
    </message>
    <message>
        <source>this model was trained on {data}, which is not images of digits. A drawing can only be classified by a model of 28 × 28 images ({large}) or 8 × 8 images ({small}) — train on one of those, or load such a model</source>
        <translation>эта модель обучена на наборе «{data}», а это не изображения цифр. Рисунок может классифицировать только модель изображений 28 × 28 ({large}) или 8 × 8 ({small}) — обучите модель на одном из этих наборов или загрузите такую модель</translation>
    </message>
    <message>
        <source>nothing drawn</source>
        <translation>ничего не нарисовано</translation>
    </message>
    <message>
        <source>{name} — {percent}</source>
        <translation>{name} — {percent}</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Рисование</translation>
    </message>
    <message>
        <source>the model trained on {data} (after {steps} step(s))</source>
        <translation>модели, обученной на наборе «{data}» (шагов обучения: {steps})</translation>
    </message>
    <message>
        <source>28 × 28, MNIST</source>
        <translation>28 × 28, MNIST</translation>
    </message>
    <message>
        <source>8 × 8 digits</source>
        <translation>цифры 8 × 8</translation>
    </message>
    <message>
        <source>28 × 28, Fashion</source>
        <translation>28 × 28, Fashion</translation>
    </message>
    <message>
        <source>the model being trained on {data} (after {steps} step(s))</source>
        <translation>модели, обучаемой на наборе «{data}» (шагов обучения: {steps})</translation>
    </message>
    <message>
        <source>Draw a garment here, shoes pointing left as in Fashion-MNIST: its outline is filled in</source>
        <translation>Нарисуйте здесь предмет одежды (обувь — носком влево, как в Fashion-MNIST): его контур будет закрашен</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>Нарисуйте здесь цифру</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>Что видит сеть</translation>
    </message>
    <message>
        <source>raises</source>
        <translation>повышает</translation>
    </message>
    <message>
        <source>lowers</source>
        <translation>понижает</translation>
    </message>
    <message>
        <source>Clear (Esc)</source>
        <translation>Очистить (Esc)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Отменить (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Wipe the canvas to draw another digit</source>
        <translation>Стереть холст, чтобы нарисовать другую цифру</translation>
    </message>
    <message>
        <source>Your drawing as the network receives it, prepared as MNIST&apos;s digits were: cropped to its ink, scaled so that its longer side is {box} of the {size} pixels, redrawn with a pen {pen} pixels wide however thin or thick the brush, and moved so that its centre of mass is in the middle. Drawn small, large, thin, thick or off-centre, a digit comes out much the same here, and this image is all the network classifies.</source>
        <translation>Ваш рисунок таким, каким его получает сеть, подготовленный так же, как цифры MNIST: обрезан по краям чернил, масштабирован так, чтобы длинная сторона занимала {box} из {size} пикселей, перерисован пером шириной {pen} пикселя, какой бы тонкой или толстой ни была кисть, и сдвинут так, чтобы центр масс оказался посередине. Нарисованная мелко, крупно, тонко, толсто или не в центре, цифра выглядит здесь почти одинаково, и сеть классифицирует только это изображение.</translation>
    </message>
    <message>
        <source>Your drawing as the network receives it, prepared as the 8×8 digits were: scaled so that its longer side fills a {size} × {size} bitmap, centred, redrawn with a pen {pen} pixels wide however thin or thick the brush; each of the {side} × {side} pixels counts the ink of a {block} × {block} block of the bitmap (0 to {most}). Drawn small, large, thin, thick or off-centre, a digit comes out much the same here, and this image is all the network classifies.</source>
        <translation>Ваш рисунок таким, каким его получает сеть, подготовленный так же, как цифры 8×8: масштабирован так, чтобы длинная сторона заполняла растр {size} × {size}, выровнен по центру и перерисован пером шириной {pen} пикселей, какой бы тонкой или толстой ни была кисть; каждый из {side} × {side} пикселей — число закрашенных клеток в блоке растра {block} × {block} (от 0 до {most}). Нарисованная мелко, крупно, тонко, толсто или не в центре, цифра выглядит здесь почти одинаково, и сеть классифицирует только это изображение.</translation>
    </message>
    <message>
        <source>Your drawing as the network receives it, prepared as Fashion-MNIST&apos;s garments were: scaled so that its longer side is {box} of the {size} pixels, centred, and what its outline encloses filled in, since the garments are shapes, not strokes.</source>
        <translation>Ваш рисунок таким, каким его получает сеть, подготовленный так же, как одежда в Fashion-MNIST: масштабирован так, чтобы длинная сторона занимала {box} из {size} пикселей, выровнен по центру, а всё, что обведено контуром, закрашено: вещи там — силуэты, а не штрихи.</translation>
    </message>
    <message>
        <source>Why {name}</source>
        <translation>Почему {name}</translation>
    </message>
    <message>
        <source>this model takes {n} inputs, not the {m} pixels of {data}&apos;s images</source>
        <translation>эта модель принимает {n} входов, а не {m} пикселей изображений набора «{data}»</translation>
    </message>
    <message>
        <source>the {loss} loss gives scores, not class probabilities. Train with softmax_cross_entropy to see probabilities</source>
        <translation>функция потерь {loss} даёт оценки, а не вероятности классов. Обучите с softmax_cross_entropy, чтобы видеть вероятности</translation>
    </message>
    <message>
        <source>“{data}” holds drawn digits, and this model classifies garments: to add a digit, use the shipped MNIST model or a model of digits</source>
        <translation>«{data}» хранит нарисованные цифры, а эта модель распознаёт одежду: чтобы добавить цифру, возьмите встроенную модель MNIST или модель цифр</translation>
    </message>
    <message>
        <source>Save the drawing with its label in your personal data set “{data}”, which can be mixed into MNIST training</source>
        <translation>Сохранить рисунок с меткой в ваш личный набор данных «{data}», который можно подмешать к обучению на MNIST</translation>
    </message>
    <message>
        <source>The model being trained now classifies your drawings, getting better as it learns; “Use the shipped MNIST model” brings the shipped one back.</source>
        <translation>Теперь ваши рисунки распознаёт обучаемая модель — она улучшается по мере обучения; «Использовать встроенную модель MNIST» возвращает встроенную.</translation>
    </message>
    <message>
        <source>The model of the paused run now classifies your drawings; it learns on when the run resumes. “Use the shipped MNIST model” brings the shipped one back.</source>
        <translation>Теперь ваши рисунки распознаёт модель приостановленного запуска; она продолжит учиться, когда запуск возобновится. «Использовать встроенную модель MNIST» возвращает встроенную.</translation>
    </message>
    <message>
        <source>The model this run trained now classifies your drawings; “Use the shipped MNIST model” brings the shipped one back.</source>
        <translation>Теперь ваши рисунки распознаёт модель, обученная в этом запуске; «Использовать встроенную модель MNIST» возвращает встроенную.</translation>
    </message>
    <message>
        <source>Trained on coarse 8×8 images, it mistakes more drawn digits than a model of MNIST.</source>
        <translation>Обученная на грубых изображениях 8×8, она чаще ошибается на нарисованных цифрах, чем модель MNIST.</translation>
    </message>
    <message>
        <source>This run diverged: your drawings are classified with its last finite weights, kept from just before it blew up, and their probabilities mean nothing. Go back (the message&apos;s button, or the Run menu) puts back weights from before it went wrong; “Use the shipped MNIST model” classifies with a model that works.</source>
        <translation>Обучение в этом запуске разошлось: рисунки распознаются его последними конечными весами, сохранёнными перед самым срывом, и их вероятности ничего не значат. «Вернуться» (кнопка сообщения или меню «Запуск») возвращает веса, какими они были до срыва; «Использовать встроенную модель MNIST» распознаёт рисунки работающей моделью.</translation>
    </message>
    <message>
        <source>the untrained model of {data} (its random initial weights)</source>
        <translation>необученной модели для набора «{data}» (веса пока случайные, начальные)</translation>
    </message>
    <message>
        <source>the model being trained on {data}, paused after {steps} step(s)</source>
        <translation>модели, обучаемой на наборе «{data}» (обучение на паузе; шагов обучения: {steps})</translation>
    </message>
    <message>
        <source>the model trained on {data}, stopped after {steps} step(s)</source>
        <translation>модели, обученной на наборе «{data}» (обучение остановлено; шагов обучения: {steps})</translation>
    </message>
    <message>
        <source>the model trained on {data}, with its best epoch&apos;s weights (stopped early after {steps} step(s))</source>
        <translation>модели, обученной на наборе «{data}», с весами лучшей эпохи (ранняя остановка; шагов обучения: {steps})</translation>
    </message>
    <message>
        <source>the last finite weights of the diverged run on {data} (after {steps} step(s))</source>
        <translation>последних конечных весов разошедшегося обучения на наборе «{data}» (шагов обучения: {steps})</translation>
    </message>
    <message>
        <source>Why this answer</source>
        <translation>Почему такой ответ</translation>
    </message>
    <message>
        <source>Take back the last stroke</source>
        <translation>Отменить последний штрих</translation>
    </message>
    <message>
        <source>Use the shipped MNIST model</source>
        <translation>Использовать встроенную модель MNIST</translation>
    </message>
    <message>
        <source>Classify drawings with the MNIST model that comes with the app, whatever was trained or loaded since (a run&apos;s model takes over again when training starts or resumes)</source>
        <translation>Классифицировать рисунки встроенной моделью MNIST, что бы ни было обучено или загружено после неё (модель обучения снова займёт её место, когда обучение начнётся или продолжится)</translation>
    </message>
    <message>
        <source>The network&apos;s probability of each class for your drawing: the softmax of its raw scores o, pₖ = e^(oₖ) / Σⱼ e^(oⱼ), so that they add up to 100 %. The highest is its answer. A probability near 100 % says how sure the network is, not that it is right: a scribble gets an answer too.</source>
        <translation>Вероятность каждого класса для вашего рисунка по мнению сети: softmax её сырых оценок o, pₖ = e^(oₖ) / Σⱼ e^(oⱼ), так что в сумме они дают 100 %. Самая большая — её ответ. Вероятность около 100 % говорит о том, насколько сеть уверена, а не о том, что она права: ответ получит и каракуля.</translation>
    </message>
    <message>
        <source>How the top class&apos;s probability p would change with more ink at each pixel of what the network sees (the gradient ∂p/∂pixel): yellow = more ink here would raise it, blue = more ink here would lower it.</source>
        <translation>Как изменилась бы вероятность p самого вероятного класса, если добавить чернил в каждый пиксель того, что видит сеть (градиент ∂p/∂пиксель): жёлтый — больше чернил здесь повысило бы её, синий — больше чернил здесь понизило бы её.</translation>
    </message>
    <message>
        <source>Brush width in pixels, for the drawing as you see it: the network&apos;s input is redrawn as the images its model was trained on are drawn (with MNIST&apos;s pen, the 8×8 digits&apos; for a model of those, and filled in for a model of Fashion-MNIST), whatever the brush</source>
        <translation>Толщина кисти в пикселях для рисунка, каким вы его видите: вход сети перерисовывается так, как нарисованы изображения, на которых обучалась модель (пером MNIST, пером цифр 8×8 для модели этих цифр и с заливкой для модели Fashion-MNIST), какой бы ни была кисть</translation>
    </message>
    <message>
        <source>Brush width</source>
        <translation>Толщина кисти</translation>
    </message>
    <message>
        <source>Take it back</source>
        <translation>Забрать обратно</translation>
    </message>
    <message>
        <source>Remove the digit just saved from “{data}” and put the drawing back on the canvas, to label it again</source>
        <translation>Убрать только что сохранённую цифру из «{data}» и вернуть рисунок на холст, чтобы подписать его заново</translation>
    </message>
    <message>
        <source>This run&apos;s model, of {data}, cannot classify drawings: they go on to the model named above.</source>
        <translation>Модель этого запуска (данные: {data}) не может распознавать рисунки: их распознаёт модель, названная выше.</translation>
    </message>
    <message>
        <source>There is nothing to export yet: draw a digit for its probabilities.</source>
        <translation>Экспортировать пока нечего: нарисуйте цифру, чтобы получить её вероятности.</translation>
    </message>
    <message>
        <source>label</source>
        <translation>метка</translation>
    </message>
    <message>
        <source>Could not save the digit ({error}). Make room there or make the folder writable (MLP_WORKBENCH_USER_DIR chooses another), then add it again.</source>
        <translation>Не удалось сохранить цифру ({error}). Освободите там место или разрешите запись в папку (другую папку задаёт MLP_WORKBENCH_USER_DIR) и добавьте цифру снова.</translation>
    </message>
    <message>
        <source>Could not take the digit back: {error}</source>
        <translation>Не удалось забрать цифру обратно: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Took the {label} back: “{data}” holds %Ln digit(s).</source>
        <translation>
            <numerusform>Цифра {label} забрана обратно: в наборе «{data}» %Ln цифра.</numerusform>
            <numerusform>Цифра {label} забрана обратно: в наборе «{data}» %Ln цифры.</numerusform>
            <numerusform>Цифра {label} забрана обратно: в наборе «{data}» %Ln цифр.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved as a {label}: “{data}” now holds %Ln digit(s). Before it can be trained, with every digit in its training, validation and test parts, draw more — {groups}.</source>
        <translation>
            <numerusform>Сохранено как {label}: в наборе «{data}» теперь %Ln цифра. Чтобы на нём можно было обучать, каждая цифра должна попасть в обучающую, валидационную и тестовую части — дорисуйте: {groups}.</numerusform>
            <numerusform>Сохранено как {label}: в наборе «{data}» теперь %Ln цифры. Чтобы на нём можно было обучать, каждая цифра должна попасть в обучающую, валидационную и тестовую части — дорисуйте: {groups}.</numerusform>
            <numerusform>Сохранено как {label}: в наборе «{data}» теперь %Ln цифр. Чтобы на нём можно было обучать, каждая цифра должна попасть в обучающую, валидационную и тестовую части — дорисуйте: {groups}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved as a {label}: “{data}” now holds %Ln digit(s) (choose the data set “{data}”, or mix them into MNIST training).</source>
        <translation>
            <numerusform>Сохранено как {label}: в наборе «{data}» теперь %Ln цифра (выберите набор данных «{data}» или подмешайте их к обучению на MNIST).</numerusform>
            <numerusform>Сохранено как {label}: в наборе «{data}» теперь %Ln цифры (выберите набор данных «{data}» или подмешайте их к обучению на MNIST).</numerusform>
            <numerusform>Сохранено как {label}: в наборе «{data}» теперь %Ln цифр (выберите набор данных «{data}» или подмешайте их к обучению на MNIST).</numerusform>
        </translation>
    </message>
    <message>
        <source>The digit you drew</source>
        <translation>Цифра, которую вы нарисовали</translation>
    </message>
    <message>
        <source>Label of the drawing</source>
        <translation>Метка рисунка</translation>
    </message>
    <message>
        <source>Add to my digits</source>
        <translation>Добавить в мои цифры</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Кисть</translation>
    </message>
    <message>
        <source>a loaded model</source>
        <translation>загруженной модели</translation>
    </message>
    <message>
        <source>Drawing is unavailable: {problem}.</source>
        <translation>Рисование недоступно: {problem}.</translation>
    </message>
    <message>
        <source>the model loaded from {name}</source>
        <translation>модели, загруженной из {name}</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>нет модели</translation>
    </message>
    <message>
        <source>The shipped model could not be read ({error}). Train a model on mnist or digits, or load one.</source>
        <translation>Не удалось прочитать встроенную модель ({error}). Обучите модель на mnist или digits или загрузите модель.</translation>
    </message>
    <message>
        <source>the shipped MNIST model</source>
        <translation>встроенной модели MNIST</translation>
    </message>
    <message>
        <source>the shipped MNIST model ({percent} on MNIST&apos;s test set)</source>
        <translation>встроенной модели MNIST ({percent} на тестовой выборке MNIST)</translation>
    </message>
    <message>
        <source>Classifying with {source}.</source>
        <translation>Классификация с помощью {source}.</translation>
    </message>
    <message>
        <source>drawing unavailable</source>
        <translation>рисование недоступно</translation>
    </message>
    <message>
        <source>too small to classify</source>
        <translation>рисунок слишком мелкий</translation>
    </message>
    <message>
        <source>Draw a digit and choose its label first.</source>
        <translation>Сначала нарисуйте цифру и выберите её метку.</translation>
    </message>
    <message>
        <source>This drawing is too small to save, as it is to classify: draw the digit larger.</source>
        <translation>Рисунок слишком мал, чтобы его сохранить, как и чтобы его классифицировать: нарисуйте цифру крупнее.</translation>
    </message>
    <message>
        <source>Could not save the digit: {error}</source>
        <translation>Не удалось сохранить цифру: {error}</translation>
    </message>
</context>
<context>
    <name>Endings</name>
    <message>
        <source>the weights %1 became non-finite</source>
        <translation>веса %1 перестали быть конечными</translation>
    </message>
    <message>
        <source>the gradient of %1 became non-finite</source>
        <translation>градиент %1 перестал быть конечным</translation>
    </message>
    <message>
        <source>the weights grew past a norm of %2, most in %1</source>
        <translation>норма весов превысила %2, больше всего в %1</translation>
    </message>
    <message>
        <source>the output of %1 overflowed</source>
        <translation>выход %1 переполнился</translation>
    </message>
    <message>
        <source>the loss became non-finite</source>
        <translation>функция потерь перестала быть конечной</translation>
    </message>
    <message>
        <source>training diverged at epoch %1, step %2: %3. The last finite weights were kept. Try a lower learning rate (now %4), gradient-friendlier initialisation or scaled inputs.</source>
        <translation>обучение разошлось на эпохе %1, шаге %2: %3. Последние конечные веса сохранены. Попробуйте меньшую скорость обучения (сейчас %4), другую инициализацию весов или масштабирование входов.</translation>
    </message>
    <message>
        <source>no improvement for 1 epoch; restored the best weights from epoch %2</source>
        <translation>одна эпоха без улучшения; восстановлены лучшие веса эпохи %2</translation>
    </message>
    <message>
        <source>no improvement for %1 epochs; restored the best weights from epoch %2</source>
        <translation>эпох без улучшения: %1; восстановлены лучшие веса эпохи %2</translation>
    </message>
    <message>
        <source>finished 1 epoch</source>
        <translation>завершена 1 эпоха</translation>
    </message>
    <message>
        <source>finished %1 epochs</source>
        <translation>завершено эпох: %1</translation>
    </message>
    <message>
        <source>stopped by the user</source>
        <translation>остановлено пользователем</translation>
    </message>
</context>
<context>
    <name>ExportButtons</name>
    <message>
        <source>Export figure…</source>
        <translation>Экспорт рисунка…</translation>
    </message>
    <message>
        <source>Save the plots as a PNG image or an SVG drawing.</source>
        <translation>Сохранить графики как изображение PNG или рисунок SVG.</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>Изображения (*.png *.svg)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Could not export to {path}: {reason}</source>
        <translation>Не удалось экспортировать в {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>FilesDialog</name>
    <message>
        <source>Files and folders</source>
        <translation>Файлы и папки</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Show this folder in the file manager</source>
        <translation>Показать эту папку в файловом менеджере</translation>
    </message>
    <message>
        <source>Open the folder of %1</source>
        <translation>Открыть папку: %1</translation>
    </message>
    <message>
        <source>A folder a teacher prepares for a class (mlp-workbench lab pack FOLDER) is used when the environment variable %1 names it; the data sets are looked for there first, then in the cache.</source>
        <translation>Папка, которую преподаватель готовит для занятий (mlp-workbench lab pack ПАПКА), используется, когда на неё указывает переменная окружения %1; наборы данных ищутся сначала там, затем в кэше.</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>существует</translation>
    </message>
    <message>
        <source>not made yet: it is created when first needed</source>
        <translation>ещё не создан: появится, когда понадобится</translation>
    </message>
    <message>
        <source>Your saved runs</source>
        <translation>Ваши сохранённые запуски</translation>
    </message>
    <message>
        <source>Your drawn digits</source>
        <translation>Ваши нарисованные цифры</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Downloaded data sets</source>
        <translation>Скачанные наборы данных</translation>
    </message>
    <message>
        <source>Class data folder</source>
        <translation>Папка данных для занятий</translation>
    </message>
    <message>
        <source>%1 is not set</source>
        <translation>%1 не задана</translation>
    </message>
    <message>
        <source>named by %1</source>
        <translation>указана в %1</translation>
    </message>
    <message>
        <source>named by %1, but there is no such folder</source>
        <translation>указана в %1, но такой папки нет</translation>
    </message>
    <message>
        <source>found: the four files are here</source>
        <translation>найден: все четыре файла здесь</translation>
    </message>
    <message>
        <source>not on this computer: copy its four IDX files (.gz) into %1, or download it from the Data panel (%2 MB)</source>
        <translation>нет на этом компьютере: скопируйте его четыре файла IDX (.gz) в %1 или скачайте его на панели «Данные» (%2 МБ)</translation>
    </message>
</context>
<context>
    <name>FittedCurveView</name>
    <message>
        <source>Fitted curve</source>
        <translation>Подогнанная кривая</translation>
    </message>
    <message>
        <source>training</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>валидация</translation>
    </message>
    <message>
        <source>network</source>
        <translation>сеть</translation>
    </message>
    <message>
        <source>regression data with one feature and one target</source>
        <translation>данные регрессии с одним признаком и одной целевой переменной</translation>
    </message>
    <message>
        <source>target</source>
        <translation>цель</translation>
    </message>
    <message>
        <source>{feature} (original units)</source>
        <translation>{feature} (в исходных единицах)</translation>
    </message>
    <message>
        <source>network output (original units)</source>
        <translation>выход сети (в исходных единицах)</translation>
    </message>
</context>
<context>
    <name>GradientCheckDialog</name>
    <message>
        <source>Gradient check</source>
        <translation>Проверка градиента</translation>
    </message>
</context>
<context>
    <name>GradientCheckTable</name>
    <message>
        <source>Each entry&apos;s derivative is estimated numerically, ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε, on a float64 copy of the network with dropout masks frozen, and compared with backpropagation. Per tensor, with g the backpropagated gradient and ĝ the numerical one: relative error = ‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, %2). Below %1 the gradients agree. An entry within ε of a kink of the loss (a ReLU whose input is 0), where there is no derivative to compare, is left out and counted apart.</source>
        <translation>Производная по каждому элементу оценивается численно, ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε, на копии сети во float64 с замороженными масками дропаута и сравнивается с обратным распространением. Для каждого тензора, где g — градиент обратного распространения, а ĝ — численный: относительная ошибка = ‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, %2). Ниже %1 градиенты совпадают. Элемент в пределах ε от излома функции потерь (ReLU со входом 0), где производной нет и сравнивать не с чем, не сравнивается и считается отдельно.</translation>
    </message>
    <message>
        <source>Backpropagation agrees with the numerical gradient for every tensor checked; tensors not checked (every entry at a kink): %1.</source>
        <translation>Обратное распространение совпадает с численным градиентом для каждого проверенного тензора; не проверено тензоров (все элементы у излома): %1.</translation>
    </message>
    <message>
        <source>Backpropagation agrees with the numerical gradient for every tensor.</source>
        <translation>Обратное распространение совпадает с численным градиентом для каждого тензора.</translation>
    </message>
    <message>
        <source>%1 tensor(s) disagree: their backpropagated gradient is wrong.</source>
        <translation>Тензоров с расхождением: %1 — их градиент, найденный обратным распространением, неверен.</translation>
    </message>
    <message>
        <source>Layer {number} · {tensor}</source>
        <translation>Слой {number} · {tensor}</translation>
    </message>
    <message>
        <source>Entries left out at a kink (a ReLU input at 0), where there is no derivative: %1.</source>
        <translation>Элементов у излома (вход ReLU равен 0), где производной нет, не сравнивалось: %1.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>верно</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>не проверен</translation>
    </message>
    <message>
        <source>The engine&apos;s name: {name}</source>
        <translation>Имя в движке: {name}</translation>
    </message>
    <message>
        <source>Gradient check results</source>
        <translation>Результаты проверки градиента</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Тензор</translation>
    </message>
    <message>
        <source>The parameter tensor: its layer, counted from 1 as in the Weights and Network views, then W (weights), b (biases) or γ, β (batch normalisation); its tooltip gives the engine&apos;s name (layer0.W)</source>
        <translation>Тензор параметров: его слой, считая с 1, как в видах «Веса» и «Сеть», затем W (веса), b (смещения) или γ, β (батч-нормализация); подсказка к нему даёт имя в движке (layer0.W)</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>The tensor&apos;s shape: inputs × units for weights (W), the number of units for biases (b) and batch normalisation&apos;s gamma, beta</source>
        <translation>Форма тензора: входы × нейроны у весов (W), число нейронов у смещений (b) и у gamma, beta батч-нормализации</translation>
    </message>
    <message>
        <source>Entries checked</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>How many randomly chosen entries were perturbed by ±ε and compared</source>
        <translation>Сколько случайно выбранных элементов тензора сдвигалось на ±ε и сравнивалось</translation>
    </message>
    <message>
        <source>At kinks</source>
        <translation>У изломов</translation>
    </message>
    <message>
        <source>Entries within ε of a kink of the loss (a ReLU input at 0): no derivative exists there to compare, so they are left out</source>
        <translation>Элементы в пределах ε от излома функции потерь (вход ReLU равен 0): производной там нет, сравнивать не с чем, поэтому они не сравниваются</translation>
    </message>
    <message>
        <source>‖g‖ backprop</source>
        <translation>‖g‖ обр. распр.</translation>
    </message>
    <message>
        <source>The norm of backpropagation&apos;s gradient over the checked entries</source>
        <translation>Норма градиента обратного распространения по проверенным элементам</translation>
    </message>
    <message>
        <source>‖ĝ‖ numerical</source>
        <translation>‖ĝ‖ численный</translation>
    </message>
    <message>
        <source>The norm of the numerical gradient over the checked entries</source>
        <translation>Норма численного градиента по проверенным элементам</translation>
    </message>
    <message>
        <source>Max |Δ|</source>
        <translation>Макс. |Δ|</translation>
    </message>
    <message>
        <source>The largest difference between the two derivatives of one entry</source>
        <translation>Наибольшая разность двух производных по одному элементу</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Отн. ошибка</translation>
    </message>
    <message>
        <source>‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, %1) over the checked entries</source>
        <translation>‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, %1) по проверенным элементам</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>ok when the relative error is below %1</source>
        <translation>«верно», если относительная ошибка ниже %1</translation>
    </message>
</context>
<context>
    <name>GradientCheckView</name>
    <message>
        <source>Gradient check</source>
        <translation>Проверка градиента</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Проверить сейчас</translation>
    </message>
    <message>
        <source>Check the network&apos;s current weights (the check also runs by itself whenever the network is built or reset)</source>
        <translation>Проверить текущие веса сети (проверка запускается и сама, когда сеть построена или сброшена)</translation>
    </message>
    <message>
        <source>Relative error per tensor</source>
        <translation>Относительная ошибка по тензорам</translation>
    </message>
    <message>
        <source>relative error (log scale); dashed: the tolerance</source>
        <translation>относительная ошибка (логарифмическая шкала); пунктир — допуск</translation>
    </message>
    <message>
        <source>The gradient check failed: %1</source>
        <translation>Проверка градиента не удалась: %1</translation>
    </message>
    <message>
        <source>The check runs once a network is built.</source>
        <translation>Проверка запустится, когда сеть будет построена.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Идёт проверка…</translation>
    </message>
    <message>
        <source>The check runs when this tab is shown.</source>
        <translation>Проверка запустится, когда откроется эта вкладка.</translation>
    </message>
    <message>
        <source>Pause or stop training to check: the weights must not change during the check.</source>
        <translation>Приостановите или остановите обучение, чтобы проверить: веса не должны меняться во время проверки.</translation>
    </message>
    <message numerus="yes">
        <source>Checked on the weights after %Ln step(s)</source>
        <translation>
            <numerusform>Проверены веса после %Ln шага</numerusform>
            <numerusform>Проверены веса после %Ln шагов</numerusform>
            <numerusform>Проверены веса после %Ln шагов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, on the first %Ln training example(s).</source>
        <translation>
            <numerusform>%1, на первом %Ln обучающем примере.</numerusform>
            <numerusform>%1, на первых %Ln обучающих примерах.</numerusform>
            <numerusform>%1, на первых %Ln обучающих примерах.</numerusform>
        </translation>
    </message>
    <message>
        <source>The network has trained since: press Check now to check its current weights.</source>
        <translation>С тех пор сеть обучалась: нажмите «Проверить сейчас», чтобы проверить её текущие веса.</translation>
    </message>
    <message>
        <source>The network has trained since: pause or stop training to check it again.</source>
        <translation>С тех пор сеть обучалась: приостановите или остановите обучение, чтобы проверить её снова.</translation>
    </message>
</context>
<context>
    <name>GradientView</name>
    <message>
        <source>Gradients</source>
        <translation>Градиенты</translation>
    </message>
    <message>
        <source>gradient norm ‖∂L/∂W‖ per layer</source>
        <translation>норма градиента ‖∂L/∂W‖ по слоям</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>activations now: mean ± standard deviation</source>
        <translation>активации сейчас: среднее ± стандартное отклонение</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>слой</translation>
    </message>
    <message>
        <source>layer {number}</source>
        <translation>слой {number}</translation>
    </message>
    <message>
        <source>layer {number} ({function}): % of units at 0 on every example</source>
        <translation>слой {number} ({function}): % нейронов, равных 0 на всех примерах</translation>
    </message>
    <message>
        <source>layer {number} ({function}): % of outputs near an asymptote</source>
        <translation>слой {number} ({function}): % выходов у асимптоты</translation>
    </message>
    <message>
        <source>layer {number} ({function}): dead</source>
        <translation>слой {number} ({function}): мёртвые</translation>
    </message>
    <message>
        <source>layer {number} ({function}): saturated</source>
        <translation>слой {number} ({function}): насыщенные</translation>
    </message>
    <message>
        <source>No gradient norms for these steps: this run was saved without them (by an earlier version). Training on draws them from the next step.</source>
        <translation>Для этих шагов нет норм градиента: запуск сохранён без них (более ранней версией). При продолжении обучения они появятся со следующего шага.</translation>
    </message>
    <message>
        <source>layer {number}: gradient = 0</source>
        <translation>слой {number}: градиент = 0</translation>
    </message>
    <message numerus="yes">
        <source>saturated outputs and dead units, on the first %Ln validation example(s)</source>
        <translation>
            <numerusform>насыщенные выходы и мёртвые нейроны на первом %Ln примере валидации</numerusform>
            <numerusform>насыщенные выходы и мёртвые нейроны на первых %Ln примерах валидации</numerusform>
            <numerusform>насыщенные выходы и мёртвые нейроны на первых %Ln примерах валидации</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>saturated outputs and dead units, on the first %Ln training example(s)</source>
        <translation>
            <numerusform>насыщенные выходы и мёртвые нейроны на первом %Ln обучающем примере</numerusform>
            <numerusform>насыщенные выходы и мёртвые нейроны на первых %Ln обучающих примерах</numerusform>
            <numerusform>насыщенные выходы и мёртвые нейроны на первых %Ln обучающих примерах</numerusform>
        </translation>
    </message>
    <message>
        <source>Saturated: the share of a sigmoid, tanh or piece-wise linear layer&apos;s outputs, one per unit and example, that lie within {margin} of its range from an asymptote, where its derivative is nearly 0. Dead: the share of a ReLU layer&apos;s units that output 0 for every one of these examples: they receive no gradient and no longer learn.</source>
        <translation>Насыщенные: доля выходов слоя с сигмоидой, tanh или кусочно-линейной функцией (по одному на нейрон и пример), лежащих в пределах {margin} его диапазона от асимптоты, где производная почти равна 0. Мёртвые: доля нейронов слоя ReLU, выдающих 0 на каждом из этих примеров: они не получают градиента и больше не обучаются.</translation>
    </message>
    <message>
        <source>nothing to saturate: step and sign pass no gradient (φ′ = 0 for z ≠ 0)</source>
        <translation>насыщаться нечему: единичный скачок и знак не пропускают градиент (φ′ = 0 при z ≠ 0)</translation>
    </message>
    <message>
        <source>A layer whose outputs sit near an asymptote passes little gradient back: that is saturation. The unit step and the sign are flat wherever their derivative is defined, so they pass no gradient at all, on every example: there is nothing to measure, and the layers before them do not learn by backpropagation.</source>
        <translation>Слой, выходы которого лежат у асимптоты, пропускает назад мало градиента: это и есть насыщение. Единичный скачок и знак постоянны везде, где существует их производная, поэтому градиент через них не проходит вовсе, ни на одном примере: измерять нечего, а слои перед ними не обучаются обратным распространением ошибки.</translation>
    </message>
    <message>
        <source>nothing to measure: no sigmoid, tanh, piece-wise linear or ReLU layer</source>
        <translation>измерять нечего: нет слоёв с сигмоидой, tanh, кусочно-линейной функцией или ReLU</translation>
    </message>
    <message>
        <source>Only sigmoid, tanh and piece-wise linear layers (saturated outputs) and ReLU layers (dead units) are measured here: this network has none.</source>
        <translation>Здесь измеряются только слои с сигмоидой, tanh и кусочно-линейной функцией (насыщенные выходы) и слои ReLU (мёртвые нейроны): в этой сети их нет.</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>норма градиента</translation>
    </message>
    <message>
        <source>share, %</source>
        <translation>доля, %</translation>
    </message>
    <message>
        <source>layer {number} ({function})</source>
        <translation>слой {number} ({function})</translation>
    </message>
    <message>
        <source>activation mean</source>
        <translation>среднее активаций</translation>
    </message>
    <message>
        <source>activation standard deviation</source>
        <translation>стандартное отклонение активаций</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>величина</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>MLP Workbench user guide</source>
        <translation>Руководство пользователя MLP Workbench</translation>
    </message>
    <message>
        <source>Back to the section shown before (Alt+Left)</source>
        <translation>Назад, к предыдущему разделу (Alt+←)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Forward to the next section shown (Alt+Right)</source>
        <translation>Вперёд, к следующему разделу (Alt+→)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>a word of the guide</source>
        <translation>слово из руководства</translation>
    </message>
    <message>
        <source>Find this text in the guide: Enter or F3 finds the next match, Shift+F3 the previous one (Ctrl+F comes here)</source>
        <translation>Найти этот текст в руководстве: Enter или F3 — следующее совпадение, Shift+F3 — предыдущее (сюда ведёт Ctrl+F)</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>это не текст в кодировке UTF-8</translation>
    </message>
    <message>
        <source>The user guide cannot be shown</source>
        <translation>Руководство пользователя не удаётся показать</translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation>Не удалось прочитать %1: %2.</translation>
    </message>
    <message>
        <source>The guide comes with MLP Workbench, as guide.en.md and guide.ru.md in the folder %1. Reinstalling MLP Workbench brings it back; the rest of the workbench works without it.</source>
        <translation>Руководство входит в состав MLP Workbench: это файлы guide.en.md и guide.ru.md в папке %1. Переустановите MLP Workbench, чтобы вернуть его; всё остальное в программе работает и без него.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>не найдено</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Learning rate η, the size of each step: θ ← θ − η·g. Too large and the loss explodes, too small and it crawls. Can be changed while training.</source>
        <translation>Скорость обучения η — размер каждого шага: θ ← θ − η·g. Слишком большая — потери взрываются, слишком маленькая — обучение ползёт. Можно менять во время обучения.</translation>
    </message>
    <message>
        <source>Momentum γ: v ← γ·v + g, θ ← θ − η·v (the lecture&apos;s u = η·v) — successive gradients are averaged, so steps speed up along a consistent direction (0 = none).</source>
        <translation>Момент γ: v ← γ·v + g, θ ← θ − η·v (в лекции u = η·v) — последовательные градиенты усредняются, и вдоль устойчивого направления шаги ускоряются (0 — без момента).</translation>
    </message>
    <message>
        <source>Weight decay λ: g = ∇E + λθ on every parameter, biases included (AdamW: θ ← θ·(1 − ηλ), decoupled from the moments). Pulls the weights towards 0: the steps of the L2 penalty with λ₂ = λ/2 and biases penalised, but not counted in the penalty shown.</source>
        <translation>Затухание весов λ: g = ∇E + λθ для всех параметров, включая смещения (AdamW: θ ← θ·(1 − ηλ), отдельно от моментов). Притягивает веса к 0: те же шаги, что у штрафа L2 с λ₂ = λ/2 и штрафом на смещения, но в показанный штраф не входит.</translation>
    </message>
    <message>
        <source>RMSProp&apos;s smoothing constant (the lecture&apos;s ρ; torch calls it alpha): G ← ρ·G + (1 − ρ)·g².</source>
        <translation>Константа сглаживания RMSProp (ρ в лекции; в torch — alpha): G ← ρ·G + (1 − ρ)·g².</translation>
    </message>
    <message>
        <source>Adadelta&apos;s decay ρ of its running means: s ← ρ·s + (1 − ρ)·g².</source>
        <translation>Коэффициент затухания скользящих средних Adadelta ρ: s ← ρ·s + (1 − ρ)·g².</translation>
    </message>
    <message>
        <source>Adam&apos;s decay rates (β₁, β₂): m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g². Type two numbers, e.g. 0.9, 0.999.</source>
        <translation>Коэффициенты затухания Adam (β₁, β₂): m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g². Введите два числа, например 0,9; 0,999.</translation>
    </message>
    <message>
        <source>AMSGrad: divide by the running maximum v̄ = max(v̄, v) instead of v.</source>
        <translation>AMSGrad: делить на накопленный максимум v̄ = max(v̄, v) вместо v.</translation>
    </message>
    <message>
        <source>Centred RMSProp: divide by √(s − ḡ²), the gradient&apos;s variance, instead of its mean square.</source>
        <translation>Центрированный RMSProp: делить на √(s − ḡ²) — дисперсию градиента — вместо его среднего квадрата.</translation>
    </message>
    <message>
        <source>Adagrad&apos;s rate decay: η_t = η / (1 + (t − 1)·lr_decay).</source>
        <translation>Затухание скорости Adagrad: η_t = η / (1 + (t − 1)·lr_decay).</translation>
    </message>
    <message>
        <source>Adagrad&apos;s starting sum of squared gradients G₀: G ← G + g², θ ← θ − η·g / (√G + ε).</source>
        <translation>Начальная сумма квадратов градиентов Adagrad G₀: G ← G + g², θ ← θ − η·g / (√G + ε).</translation>
    </message>
    <message>
        <source>Adam&apos;s ε in the denominator, θ ← θ − η·m / (√v + ε) (bias corrections left out): keeps the step finite when v is close to 0.</source>
        <translation>ε в знаменателе Adam, θ ← θ − η·m / (√v + ε) (без поправок смещения): не даёт шагу стать бесконечным, когда v близко к 0.</translation>
    </message>
    <message>
        <source>RMSProp&apos;s ε in the denominator, θ ← θ − η·g / (√G + ε): keeps the step finite when G is close to 0.</source>
        <translation>ε в знаменателе RMSProp, θ ← θ − η·g / (√G + ε): не даёт шагу стать бесконечным, когда G близко к 0.</translation>
    </message>
    <message>
        <source>Adagrad&apos;s ε in the denominator, θ ← θ − η·g / (√G + ε): keeps the step finite while G is close to 0.</source>
        <translation>ε в знаменателе Adagrad, θ ← θ − η·g / (√G + ε): не даёт шагу стать бесконечным, пока G близко к 0.</translation>
    </message>
    <message>
        <source>Adadelta&apos;s ε inside both square roots, Δ = √(u + ε) / √(s + ε)·g: with u = 0 at the start it sets the first steps, about η·√ε / √(1 − ρ) long (0.003 with ε = 10⁻⁶, ρ = 0.9), so a larger ε starts faster.</source>
        <translation>ε в Adadelta стоит под обоими квадратными корнями, Δ = √(u + ε) / √(s + ε)·g: поскольку в начале u = 0, он задаёт первые шаги длиной около η·√ε / √(1 − ρ) (0,003 при ε = 10⁻⁶, ρ = 0,9), так что с бо́льшим ε обучение начинается быстрее.</translation>
    </message>
    <message>
        <source>Step: every k = step_size steps (or epochs) η is multiplied by q. Cyclic: half a cycle, η₀ → max_lr in step_size steps.</source>
        <translation>Ступенчатое: каждые k = step_size шагов (или эпох) η умножается на q. Циклическое: половина цикла, η₀ → max_lr за step_size шагов.</translation>
    </message>
    <message>
        <source>q, the factor applied every step_size: η(t) = η₀·q^⌊t / k⌋, a geometric progression with ratio q.</source>
        <translation>q — множитель, применяемый каждые step_size: η(t) = η₀·q^⌊t / k⌋, геометрическая прогрессия со знаменателем q.</translation>
    </message>
    <message>
        <source>The time scale T: exponential η₀·e^(−t/T), linear η₀·max(1 − t/T, end), cosine: the length of the half cosine.</source>
        <translation>Масштаб времени T: экспоненциальное η₀·e^(−t/T), линейное η₀·max(1 − t/T, end), косинусное — длина полупериода косинуса.</translation>
    </message>
    <message>
        <source>Linear: η never falls below end_factor·η₀: η(t) = η₀·max(1 − t/T, end_factor).</source>
        <translation>Линейное: η не опускается ниже end_factor·η₀: η(t) = η₀·max(1 − t/T, end_factor).</translation>
    </message>
    <message>
        <source>Inverse time decay: η(t) = η₀ / (1 + decay·t).</source>
        <translation>Обратно-временное затухание: η(t) = η₀ / (1 + decay·t).</translation>
    </message>
    <message>
        <source>Cosine: the rate at the end, η(t) = lr_min + (η₀ − lr_min)·(1 + cos(π·t/T))/2.</source>
        <translation>Косинусное: скорость в конце, η(t) = lr_min + (η₀ − lr_min)·(1 + cos(π·t/T))/2.</translation>
    </message>
    <message>
        <source>Cosine: w steps of linear warm-up, η(t) = η₀·(t + 1)/(w + 1), before the cosine starts.</source>
        <translation>Косинусное: w шагов линейного разогрева, η(t) = η₀·(t + 1)/(w + 1), до начала косинуса.</translation>
    </message>
    <message>
        <source>Cyclic: the top of the triangle, η(t) = η₀ + (max_lr − η₀)·max(0, 1 − x).</source>
        <translation>Циклическое: вершина треугольника, η(t) = η₀ + (max_lr − η₀)·max(0, 1 − x).</translation>
    </message>
    <message>
        <source>Reduce on plateau: η ← factor·η each time the validation loss stalls.</source>
        <translation>Снижение на плато: η ← factor·η каждый раз, когда потери на валидации перестают уменьшаться.</translation>
    </message>
    <message>
        <source>Divide the moments by 1 − βᵗ so that the first steps are not biased towards 0 (PyTorch, the paper). Off: no correction, as in lecture 003: θ ← θ − η·m / (√v + ε), whose first step is about 3η long (the lecture writes √(v + ε): tick “ε inside the root” too for its form).</source>
        <translation>Делить моменты на 1 − βᵗ, чтобы первые шаги не были смещены к 0 (как в PyTorch и в статье). Выключено: без поправки, как в лекции 003: θ ← θ − η·m / (√v + ε), первый шаг длиной около 3η (в лекции √(v + ε): для её формы отметьте ещё «ε под корнем»).</translation>
    </message>
    <message>
        <source>Where ε goes. Off, PyTorch&apos;s: θ ← θ − η·m̂ / (√v̂ + ε). On, lecture 003&apos;s: θ ← θ − η·m̂ / √(v̂ + ε); with Bias correction off too, the lecture&apos;s u = η·m / √(v + ε). They differ only while v is small: √(v̂ + ε) is at least √ε (10⁻⁴ for ε = 10⁻⁸), √v̂ + ε at least ε.</source>
        <translation>Где стоит ε. Выключено, как в PyTorch: θ ← θ − η·m̂ / (√v̂ + ε). Включено, как в лекции 003: θ ← θ − η·m̂ / √(v̂ + ε); если выключена и поправка смещения, это лекционное u = η·m / √(v + ε). Разница есть, лишь пока v мало: √(v̂ + ε) не меньше √ε (10⁻⁴ при ε = 10⁻⁸), √v̂ + ε не меньше ε.</translation>
    </message>
    <message>
        <source>Where ε goes. Off, PyTorch&apos;s: θ ← θ − η·g / (√G + ε). On, lecture 003&apos;s: θ ← θ − η·g / √(G + ε). They differ only while G is small: √(G + ε) is at least √ε (10⁻⁴ for ε = 10⁻⁸), √G + ε at least ε.</source>
        <translation>Где стоит ε. Выключено, как в PyTorch: θ ← θ − η·g / (√G + ε). Включено, как в лекции 003: θ ← θ − η·g / √(G + ε). Разница есть, лишь пока G мало: √(G + ε) не меньше √ε (10⁻⁴ при ε = 10⁻⁸), √G + ε не меньше ε.</translation>
    </message>
    <message>
        <source>Where ε goes. Off, PyTorch&apos;s: θ ← θ − η·g / (√G + ε). On, lecture 003&apos;s: θ ← θ − η·g / √(G + ε). They differ only while G is small: √(G + ε) is at least √ε (10⁻⁵ for ε = 10⁻¹⁰), √G + ε at least ε.</source>
        <translation>Где стоит ε. Выключено, как в PyTorch: θ ← θ − η·g / (√G + ε). Включено, как в лекции 003: θ ← θ − η·g / √(G + ε). Разница есть, лишь пока G мало: √(G + ε) не меньше √ε (10⁻⁵ при ε = 10⁻¹⁰), √G + ε не меньше ε.</translation>
    </message>
    <message>
        <source>Reduce on plateau: validations in a row without improvement that leave η as it is; the next one lowers it (0: the first lowers it).</source>
        <translation>Снижение на плато: сколько проверок на валидации подряд без улучшения оставляют η как есть; следующая такая проверка уменьшает η (при 0 — уже первая).</translation>
    </message>
    <message>
        <source>Reduce on plateau: an improvement counts only if loss &lt; best·(1 − threshold).</source>
        <translation>Снижение на плато: улучшение засчитывается, только если потери &lt; лучшие·(1 − threshold).</translation>
    </message>
    <message>
        <source>Reduce on plateau: η is never lowered below min_lr.</source>
        <translation>Снижение на плато: η никогда не опускается ниже min_lr.</translation>
    </message>
    <message>
        <source>α — LeakyReLU: the slope for z &lt; 0, φ(z) = αz; ELU: the level it saturates at, φ(z) = α(eᶻ − 1) for z ≤ 0.</source>
        <translation>α — LeakyReLU: наклон при z &lt; 0, φ(z) = αz; ELU: уровень насыщения, φ(z) = α(eᶻ − 1) при z ≤ 0.</translation>
    </message>
    <message>
        <source>Random shift of each training image by up to this many pixels.</source>
        <translation>Случайный сдвиг каждого обучающего изображения не больше чем на столько пикселей.</translation>
    </message>
    <message>
        <source>Random rotation of each training image by up to this many degrees.</source>
        <translation>Случайный поворот каждого обучающего изображения не больше чем на столько градусов.</translation>
    </message>
    <message>
        <source>Random zoom of each training image by a factor in [1 − s, 1 + s].</source>
        <translation>Случайное масштабирование каждого обучающего изображения с коэффициентом из [1 − s, 1 + s].</translation>
    </message>
    <message>
        <source>Random change of stroke thickness (dilation or erosion strength).</source>
        <translation>Случайное изменение толщины штриха (сила утолщения или утончения).</translation>
    </message>
    <message>
        <source>Gaussian pixel noise added to each training image: x&apos; = x + σ·ε.</source>
        <translation>Гауссов шум пикселей, добавляемый к каждому обучающему изображению: x&apos; = x + σ·ε.</translation>
    </message>
    <message>
        <source>Number of generated examples (before the split).</source>
        <translation>Число порождаемых примеров (до разбиения).</translation>
    </message>
    <message>
        <source>Standard deviation σ of the Gaussian noise in the generated data: on each point&apos;s coordinates for the classification sets, on each target for the regression ones (y = f(x) + σ·ε).</source>
        <translation>Стандартное отклонение σ гауссова шума в сгенерированных данных: в координатах каждой точки для наборов классификации, в каждом целевом значении для наборов регрессии (y = f(x) + σ·ε).</translation>
    </message>
    <message>
        <source>Number of classes to generate.</source>
        <translation>Число порождаемых классов.</translation>
    </message>
    <message>
        <source>How far each spiral arm winds from the centre to the rim, in radians: θ = 2π·j/K + sweep·t. TensorFlow Playground&apos;s spiral, its hard case, is 11 (almost two turns).</source>
        <translation>Насколько закручивается каждый рукав спирали от центра к краю, в радианах: θ = 2π·j/K + закрутка·t. Спираль TensorFlow Playground, самый трудный её пример, — 11 (почти два оборота).</translation>
    </message>
    <message>
        <source>Folder holding the four IDX files; empty: the usual places ($MLP_WORKBENCH_DATA, the cache).</source>
        <translation>Папка с четырьмя файлами IDX; пусто — обычные места ($MLP_WORKBENCH_DATA, кэш).</translation>
    </message>
    <message>
        <source>The CSV file: one example per row, numbers only except the label column.</source>
        <translation>Файл CSV: один пример в строке, только числа, кроме столбца меток.</translation>
    </message>
    <message>
        <source>The label column: its number (0 = first, −1 = last) or its header name.</source>
        <translation>Столбец меток: его номер (0 — первый, −1 — последний) или название в заголовке.</translation>
    </message>
    <message>
        <source>binary or multiclass (labels are classes), regression (the label is a number to predict).</source>
        <translation>binary или multiclass (метки — классы), regression (метка — число, которое надо предсказать).</translation>
    </message>
    <message>
        <source>Add the digits you drew and saved to MNIST&apos;s training split.</source>
        <translation>Добавить нарисованные и сохранённые вами цифры к обучающей выборке MNIST.</translation>
    </message>
    <message>
        <source>The loss E the optimiser minimises, averaged over the batch. Classification: softmax cross-entropy E = −log p_y; regression: mean squared error E = (o − y)².</source>
        <translation>Функция потерь E, которую минимизирует оптимизатор, усреднённая по батчу. Классификация: softmax с перекрёстной энтропией E = −log p_y; регрессия: среднеквадратичная ошибка E = (o − y)².</translation>
    </message>
    <message>
        <source>How a gradient g becomes a step of the weights θ.</source>
        <translation>Как градиент g превращается в шаг весов θ.</translation>
    </message>
    <message>
        <source>How the learning rate changes during training: η(t) from the base rate η₀ = the optimiser&apos;s lr. The plot shows η over the planned run.</source>
        <translation>Как меняется скорость обучения во время обучения: η(t) от базовой скорости η₀ = lr оптимизатора. График показывает η на протяжении запланированного запуска.</translation>
    </message>
    <message>
        <source>What t counts in η(t): optimiser steps (batches) or epochs.</source>
        <translation>Что считает t в η(t): шаги оптимизатора (батчи) или эпохи.</translation>
    </message>
    <message>
        <source>L1 penalty λ₁: E + λ₁·Σ|w|, gradient + λ₁·sign(w). Drives weights to exactly 0 (sparse). Can be changed while training.</source>
        <translation>Штраф L1 λ₁: E + λ₁·Σ|w|, градиент + λ₁·sign(w). Делает веса в точности нулевыми (разреженными). Можно менять во время обучения.</translation>
    </message>
    <message>
        <source>L2 penalty λ₂: E + λ₂·Σw², gradient + 2λ₂·w. Keeps weights small. Can be changed while training.</source>
        <translation>Штраф L2 λ₂: E + λ₂·Σw², градиент + 2λ₂·w. Удерживает веса маленькими. Можно менять во время обучения.</translation>
    </message>
    <message>
        <source>Also penalise the biases b (usually only the weights W are).</source>
        <translation>Штрафовать и смещения b (обычно штрафуют только веса W).</translation>
    </message>
    <message>
        <source>Epochs: passes over the whole training set that Start trains. A stopped run goes on until it has trained this many (this many more if it already has). Can be changed while training: an epoch under way is finished first.</source>
        <translation>Эпохи: сколько проходов по всей обучающей выборке делает «Обучить». Остановленный запуск продолжается, пока не обучится столько эпох (или ещё столько, если уже обучился). Можно менять во время обучения: идущая эпоха сначала завершается.</translation>
    </message>
    <message>
        <source>Examples per gradient step: 1 = stochastic gradient descent, all = full-batch gradient descent. steps per epoch = ⌈N / batch⌉. A change during training takes effect at the next epoch.</source>
        <translation>Примеров на шаг градиента: 1 — стохастический градиентный спуск, все — полный (пакетный) градиентный спуск. Шагов за эпоху = ⌈N / батч⌉. Изменение во время обучения действует со следующей эпохи.</translation>
    </message>
    <message>
        <source>Stop when the validation loss has not improved for this many epochs, and restore the best weights.</source>
        <translation>Остановиться, если потери на валидации не улучшались столько эпох, и вернуть лучшие веса.</translation>
    </message>
    <message>
        <source>Seed of the random numbers (initial weights, batch order, dropout, split; generated data without a data seed of their own): the same seed gives the same run.</source>
        <translation>Зерно случайных чисел (начальные веса, порядок батчей, дропаут, разбиение; сгенерированные данные без своего зерна данных): одно и то же зерно даёт один и тот же запуск.</translation>
    </message>
    <message>
        <source>Neurons in this layer: z = x·W + b with W of shape (inputs, units).</source>
        <translation>Нейроны этого слоя: z = x·W + b, где W имеет форму (входы, нейроны).</translation>
    </message>
    <message>
        <source>The nonlinearity a = φ(z) applied to each neuron&apos;s weighted sum.</source>
        <translation>Нелинейность a = φ(z), применяемая к взвешенной сумме каждого нейрона.</translation>
    </message>
    <message>
        <source>How the layer&apos;s weights W are drawn before training (biases start at 0). He suits ReLU, Xavier suits tanh/sigmoid.</source>
        <translation>Как выбираются веса W слоя перед обучением (смещения начинаются с 0). Хе подходит для ReLU, Ксавьер — для tanh и сигмоиды.</translation>
    </message>
    <message>
        <source>How the output layer&apos;s weights are drawn before training.</source>
        <translation>Как выбираются веса выходного слоя перед обучением.</translation>
    </message>
    <message>
        <source>Batch normalisation before the activation: ẑ = γ·(z − μ_B)/√(σ²_B + ε) + β; running statistics at inference.</source>
        <translation>Батч-нормализация перед активацией: ẑ = γ·(z − μ_B)/√(σ²_B + ε) + β; при инференсе — накопленные статистики.</translation>
    </message>
    <message>
        <source>Dropout rate p after the activation: each unit is zeroed with probability p during training and the rest scaled by 1/(1 − p). Can be changed while training between rates above 0, each layer&apos;s own; switching dropout on or off needs a new run.</source>
        <translation>Доля дропаута p после активации: при обучении каждый нейрон обнуляется с вероятностью p, а остальные умножаются на 1/(1 − p). Во время обучения её можно менять между значениями больше 0, у каждого слоя свою; включение или выключение дропаута требует нового запуска.</translation>
    </message>
    <message>
        <source>Floating-point precision of the weights and computations: float32 is about twice as fast; float64 for precise experiments.</source>
        <translation>Точность чисел с плавающей точкой для весов и вычислений: float32 примерно вдвое быстрее; float64 — для точных экспериментов.</translation>
    </message>
    <message>
        <source>The hidden layers, input to output. Each is Dense → [BatchNorm] → activation → [Dropout]; the output layer is added to fit the data.</source>
        <translation>Скрытые слои от входа к выходу. Каждый — Dense → [BatchNorm] → активация → [Dropout]; выходной слой добавляется под данные.</translation>
    </message>
    <message>
        <source>The data to learn from.</source>
        <translation>Данные, на которых учится сеть.</translation>
    </message>
    <message>
        <source>Share of the training examples held out to measure the validation loss (not trained on).</source>
        <translation>Доля обучающих примеров, отложенных для измерения потерь на валидации (на них сеть не учится).</translation>
    </message>
    <message>
        <source>What the network is given of each point: its coordinates x₁, x₂, or features computed from them. With x₁² and x₂² one layer draws a circle; x₁x₂ parts XOR&apos;s quadrants; sin x₁, sin x₂ help with spirals.</source>
        <translation>Что сеть получает о каждой точке: её координаты x₁, x₂ или вычисленные из них признаки. С x₁² и x₂² один слой рисует окружность; x₁x₂ разделяет четверти XOR; sin x₁, sin x₂ помогают со спиралями.</translation>
    </message>
    <message>
        <source>Share of all the examples held out as the test set, which the network is measured on once a run ends (never trained on).</source>
        <translation>Доля всех примеров, отложенная в тестовую выборку: на ней сеть измеряется один раз в конце запуска (на ней не обучают).</translation>
    </message>
    <message>
        <source>Train on at most this many examples, a subset with the classes in their proportions (all: every training example). Few examples make overfitting easy to see.</source>
        <translation>Обучать не больше чем на стольких примерах — подвыборке с классами в их пропорциях (все: каждый обучающий пример). На немногих примерах переобучение легко увидеть.</translation>
    </message>
    <message>
        <source>Feature scaling, fitted on the training split only. Standardise: x&apos; = (x − μ)/σ. Min–max to [0, 1]: x&apos; = (x − min)/(max − min), images ÷ max pixel. None: raw numbers. The dataset&apos;s default: what suits it.</source>
        <translation>Масштабирование признаков, подобранное только по обучающей выборке. Стандартизация: x&apos; = (x − μ)/σ. Min–max в [0, 1]: x&apos; = (x − min)/(max − min), изображения ÷ макс. пиксель. Нет: исходные числа. Как принято для набора: то, что ему подходит.</translation>
    </message>
    <message>
        <source>Scaling of the regression target (the label column), fitted on the training split only. The network learns y′; its predictions are mapped back, so the views, R², RMSE and exported values are in the data&apos;s units, while the loss is that of y′. Standardise: y′ = (y − μ)/σ. Min–max: y′ = (y − min)/(max − min). None: raw numbers.</source>
        <translation>Масштабирование цели регрессии (столбца меток), подобранное только по обучающей выборке. Сеть учится на y′, а её предсказания переводятся обратно, поэтому виды, R², RMSE и экспортируемые значения — в единицах данных, а потери считаются для y′. Стандартизация: y′ = (y − μ)/σ. Min–max: y′ = (y − min)/(max − min). Нет: исходные числа.</translation>
    </message>
    <message>
        <source>Which random sample of the distribution is drawn, and how it is split into training, validation and test data. The training seed until it is changed here; changing it leaves the initial weights as they are.</source>
        <translation>Какая случайная выборка из распределения берётся и как она делится на обучающие, валидационные и тестовые данные. Пока его не изменили здесь, это зерно обучения; его изменение не трогает начальные веса.</translation>
    </message>
    <message>
        <source>Draw a new sample of the same distribution, with the same number of examples and the same noise (the next data seed). The network starts again from the same initial weights.</source>
        <translation>Взять новую выборку из того же распределения, с тем же числом примеров и тем же шумом (следующее зерно данных). Сеть снова начинает с тех же начальных весов.</translation>
    </message>
    <message>
        <source>Random changes to each training batch of images, so that the network learns what does not matter. 0 switches one off.</source>
        <translation>Случайные изменения каждого обучающего батча изображений, чтобы сеть научилась не обращать внимания на несущественное. 0 выключает изменение.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>not installed</source>
        <translation>не установлена</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;User guide…</source>
        <translation>&amp;Руководство пользователя…</translation>
    </message>
    <message>
        <source>How to use the workbench, opened at the part about what you are looking at</source>
        <translation>Как работать с программой — руководство откроется на разделе о том, что у вас перед глазами</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every shortcut of the menus and views</source>
        <translation>Все сочетания клавиш меню и вкладок</translation>
    </message>
    <message>
        <source>&amp;Files and folders…</source>
        <translation>&amp;Файлы и папки…</translation>
    </message>
    <message>
        <source>Where your runs, drawn digits and settings are kept, and where the data sets are looked for</source>
        <translation>Где хранятся ваши запуски, нарисованные цифры и настройки и где ищутся наборы данных</translation>
    </message>
    <message>
        <source>&amp;About MLP Workbench</source>
        <translation>&amp;О программе MLP Workbench</translation>
    </message>
    <message>
        <source>The version, its licence and the libraries it runs on</source>
        <translation>Версия, лицензия и библиотеки, на которых работает программа</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>The version and licence of Qt</source>
        <translation>Версия и лицензия Qt</translation>
    </message>
</context>
<context>
    <name>HistogramView</name>
    <message>
        <source>Weights</source>
        <translation>Веса</translation>
    </message>
    <message>
        <source>layer {number}</source>
        <translation>слой {number}</translation>
    </message>
    <message>
        <source>{layer}: weights ({rows}×{cols})</source>
        <translation>{layer}: веса ({rows}×{cols})</translation>
    </message>
    <message>
        <source>count</source>
        <translation>количество</translation>
    </message>
    <message>
        <source>{layer}: biases ({count})</source>
        <translation>{layer}: смещения ({count})</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>начальные</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>веса</translation>
    </message>
    <message>
        <source>biases</source>
        <translation>смещения</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>слой</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>параметр</translation>
    </message>
    <message>
        <source>moment</source>
        <translation>момент</translation>
    </message>
    <message>
        <source>bin from</source>
        <translation>интервал от</translation>
    </message>
    <message>
        <source>bin to</source>
        <translation>интервал до</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
</context>
<context>
    <name>IntegerBox</name>
    <message>
        <source>“%1” is not a whole number: “%2” only separates thousands (1%2000). Type the number without it; the box keeps %3</source>
        <translation>«%1» — не целое число: пробел разделяет только тысячи (1%2000). Наберите число без него; в поле остаётся %3</translation>
    </message>
    <message>
        <source>“%1” is not a whole number. Type one without a fractional part; the box keeps %3</source>
        <translation>«%1» — не целое число. Наберите число без дробной части; в поле остаётся %3</translation>
    </message>
</context>
<context>
    <name>JsonSyntax</name>
    <message>
        <source>a value is missing or misspelt here (a number, a text in double quotes, true, false, null, a list […] or an object {…})</source>
        <translation>здесь пропущено или написано с ошибкой значение (число, текст в двойных кавычках, true, false, null, список […] или объект {…})</translation>
    </message>
    <message>
        <source>a text in quotes is never closed</source>
        <translation>текст в кавычках не закрыт</translation>
    </message>
    <message>
        <source>a comma is missing between two items</source>
        <translation>между двумя элементами пропущена запятая</translation>
    </message>
    <message>
        <source>a colon is missing between a name and its value</source>
        <translation>между именем и его значением пропущено двоеточие</translation>
    </message>
    <message>
        <source>a name in double quotes is expected here (is there a comma after the last item, or a name in single quotes?)</source>
        <translation>здесь ожидается имя в двойных кавычках (нет ли запятой после последнего элемента или имени в одинарных кавычках?)</translation>
    </message>
    <message>
        <source>more follows where the JSON value has ended</source>
        <translation>после конца значения JSON есть что-то ещё</translation>
    </message>
    <message>
        <source>a text in quotes holds a line break or a tab: write them as \n and \t</source>
        <translation>в тексте в кавычках есть перевод строки или табуляция: запишите их как \n и \t</translation>
    </message>
    <message>
        <source>a backslash in a text begins no escape JSON knows: write a backslash as \\</source>
        <translation>обратная косая черта в тексте начинает последовательность, которой нет в JSON: саму черту запишите как \\</translation>
    </message>
    <message>
        <source>\u in a text must be followed by four hexadecimal digits</source>
        <translation>после \u в тексте должны идти четыре шестнадцатеричные цифры</translation>
    </message>
    <message>
        <source>a comma follows the last item: remove it</source>
        <translation>после последнего элемента стоит запятая: удалите её</translation>
    </message>
    <message>
        <source>the text ends before every list […] and object {…} in it is closed (was the file cut short?)</source>
        <translation>текст кончается раньше, чем закрыты все его списки […] и объекты {…} (не обрезан ли файл?)</translation>
    </message>
    <message>
        <source>the file is not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>файл не является правильным JSON: строка {line}, столбец {column}: {reason}</translation>
    </message>
    <message>
        <source>{path} is not valid JSON at line {line}, column {column}: {reason}</source>
        <translation>{path} не является правильным JSON: строка {line}, столбец {column}: {reason}</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>строка</translation>
    </message>
    <message>
        <source>a list (JSON array)</source>
        <translation>список (массив JSON)</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>объект</translation>
    </message>
</context>
<context>
    <name>LabController</name>
    <message>
        <source>&amp;Labs</source>
        <translation>&amp;Лабораторные</translation>
    </message>
    <message>
        <source>Lab &amp;list…</source>
        <translation>&amp;Список лабораторных…</translation>
    </message>
    <message>
        <source>Show the labs in the Lesson panel (Ctrl+L)</source>
        <translation>Показать лабораторные в панели «Занятие» (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Export my result…</source>
        <translation>&amp;Экспорт моего результата…</translation>
    </message>
    <message>
        <source>Save your configuration, curves and final metrics as one file for the teacher</source>
        <translation>Сохранить вашу конфигурацию, кривые и итоговые метрики одним файлом для преподавателя</translation>
    </message>
    <message>
        <source>&amp;Collect results…</source>
        <translation>Со&amp;брать результаты…</translation>
    </message>
    <message>
        <source>Teacher: read a folder of students&apos; result files into a table</source>
        <translation>Для преподавателя: собрать папку с файлами результатов студентов в таблицу</translation>
    </message>
    <message>
        <source>Close la&amp;b</source>
        <translation>&amp;Закрыть лабораторную</translation>
    </message>
    <message>
        <source>Unlock and show every setting again (the configuration stays)</source>
        <translation>Разблокировать и снова показать все настройки (конфигурация сохраняется)</translation>
    </message>
    <message>
        <source>Could not open the lab: %1</source>
        <translation>Не удалось открыть лабораторную: %1</translation>
    </message>
    <message>
        <source>Opening a lab stops the current run. Continue?</source>
        <translation>Открытие лабораторной остановит текущий запуск. Продолжить?</translation>
    </message>
    <message>
        <source>“%1” was made in the lab %2, which cannot be opened now: %3. It is opened outside any lab.</source>
        <translation>«%1» относится к лабораторной %2, которую сейчас нельзя открыть: %3. Открыто вне лабораторных.</translation>
    </message>
    <message>
        <source>“%1” was made in the lab “%2”, but does not keep what the lab sets now (%3): it is opened outside the lab. To work in the lab, open it again from the Labs menu.</source>
        <translation>«%1» относится к лабораторной «%2», но расходится с тем, что она задаёт теперь (%3): открыто вне лабораторной. Чтобы работать в лабораторной, откройте её снова из меню «Лабораторные».</translation>
    </message>
    <message>
        <source>it has problems: %1</source>
        <translation>в ней есть ошибки: %1</translation>
    </message>
    <message>
        <source>it is not installed on this computer</source>
        <translation>она не установлена на этом компьютере</translation>
    </message>
    <message>
        <source>it no longer has the variant “%1”</source>
        <translation>в ней больше нет варианта «%1»</translation>
    </message>
    <message>
        <source>The lab “%1” is closed: %2 sets what the lab sets for you (%3). To work in the lab, open it again from the Labs menu.</source>
        <translation>Лабораторная «%1» закрыта: в %2 задано то, что задаёт сама лабораторная (%3). Чтобы работать в лабораторной, откройте её снова из меню «Лабораторные».</translation>
    </message>
    <message>
        <source>The lab&apos;s hand-set weights do not fit: %1</source>
        <translation>Заданные в лабораторной веса не подходят: %1</translation>
    </message>
    <message>
        <source>This lab trains %1 epochs: training on past them, the result no longer counts toward the lab&apos;s goal. Reset trains the lab&apos;s epochs from the start.</source>
        <translation>В этой лабораторной работе обучение длится %1 эпох: после них результат больше не засчитывается для цели работы. «Сброс» начинает обучение работы заново.</translation>
    </message>
    <message>
        <source>Open a lab and train it before exporting a result.</source>
        <translation>Откройте лабораторную и обучите сеть, прежде чем экспортировать результат.</translation>
    </message>
    <message>
        <source>Pause or stop the run before exporting its result.</source>
        <translation>Поставьте запуск на паузу или остановите его, прежде чем экспортировать результат.</translation>
    </message>
    <message>
        <source>This network&apos;s curves were not kept, and a result is made of them: it was opened from a model file that holds none (saved by an older version of MLP Workbench), or its run could not be saved. Train it in the lab (Start trains it on, Reset trains the lab&apos;s run from the start) and export that run.</source>
        <translation>Кривые обучения этой сети не сохранились, а результат состоит из них: сеть открыта из файла модели без кривых (его сохранила более старая версия MLP Workbench), или её запуск не удалось сохранить. Обучите её в лабораторной («Обучить» продолжает обучение, «Сброс» начинает запуск лабораторной заново) и экспортируйте этот запуск.</translation>
    </message>
    <message>
        <source>Train the lab first: the result holds the curves and final metrics of the run trained in it (at least one epoch).</source>
        <translation>Сначала обучите лабораторную: результат содержит кривые и итоговые метрики запуска, обученного в ней (хотя бы одну эпоху).</translation>
    </message>
    <message>
        <source>This network was not trained in this lab&apos;s variant “%1”: it comes from a model file or from another lab, or was trained on with the lab closed. Open the variant again (in the lesson or the Labs menu), train it, and export that run.</source>
        <translation>Эта сеть обучена не в варианте «%1» этой лабораторной: она из файла модели или из другой лабораторной либо дообучалась при закрытой лабораторной. Откройте вариант снова (в занятии или в меню «Лабораторные»), обучите его и экспортируйте этот запуск.</translation>
    </message>
    <message>
        <source>Could not export the result to %1: %2</source>
        <translation>Не удалось экспортировать результат в %1: %2</translation>
    </message>
    <message>
        <source>Could not export the result: %1</source>
        <translation>Не удалось экспортировать результат: %1</translation>
    </message>
    <message>
        <source>Result saved to %1</source>
        <translation>Результат сохранён в %1</translation>
    </message>
    <message>
        <source>Export my result</source>
        <translation>Экспорт моего результата</translation>
    </message>
    <message>
        <source>Your name (it goes into the file for the teacher):</source>
        <translation>Ваше имя (оно попадёт в файл для преподавателя):</translation>
    </message>
    <message>
        <source>Give your name to export a result: the teacher&apos;s table lists results by name.</source>
        <translation>Укажите своё имя, чтобы экспортировать результат: таблица преподавателя перечисляет результаты по именам.</translation>
    </message>
    <message>
        <source>Lab results (*.json)</source>
        <translation>Результаты лабораторных (*.json)</translation>
    </message>
</context>
<context>
    <name>LabControls</name>
    <message>
        <source>The lab “%1” locks this setting.</source>
        <translation>Лабораторная «%1» фиксирует эту настройку.</translation>
    </message>
</context>
<context>
    <name>LabProblems</name>
    <message>
        <source>variant {}</source>
        <translation>вариант {}</translation>
    </message>
    <message>
        <source>variant number {}</source>
        <translation>вариант № {}</translation>
    </message>
    <message>
        <source>view {}</source>
        <translation>вид {}</translation>
    </message>
    <message>
        <source>option {}</source>
        <translation>параметр {}</translation>
    </message>
    <message>
        <source>hand-set weights {}</source>
        <translation>заданные вручную веса {}</translation>
    </message>
    <message>
        <source>hidden layer {}</source>
        <translation>скрытый слой {}</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>не удаётся прочитать: {reason}</translation>
    </message>
    <message>
        <source>not valid JSON, at line {line}, column {column}: {reason}</source>
        <translation>не является правильным JSON, строка {line}, столбец {column}: {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text: save it as UTF-8</source>
        <translation>текст не в UTF-8: сохраните его в кодировке UTF-8</translation>
    </message>
    <message>
        <source>must hold one JSON object, got {value}</source>
        <translation>должен содержать один объект JSON, а содержит {value}</translation>
    </message>
    <message>
        <source>unknown field {name}; the fields: {allowed}</source>
        <translation>неизвестное поле {name}; поля: {allowed}</translation>
    </message>
    <message>
        <source>the field {name} is missing</source>
        <translation>нет поля {name}</translation>
    </message>
    <message>
        <source>the folder&apos;s name {folder} is no lab&apos;s: two digits, a dash and lower-case words joined by dashes (such as 13-my-lab); MLP Workbench does not list it</source>
        <translation>имя папки {folder} не подходит для лабораторной: две цифры, дефис и слова строчными латинскими буквами через дефис (например, 13-my-lab); MLP Workbench её не показывает</translation>
    </message>
    <message>
        <source>{id} must be the folder&apos;s name, {folder}</source>
        <translation>{id} должно совпадать с именем папки, {folder}</translation>
    </message>
    <message>
        <source>{number} must be the whole number the folder&apos;s name starts with, {expected}</source>
        <translation>{number} должно быть целым числом, с которого начинается имя папки, {expected}</translation>
    </message>
    <message>
        <source>the English task sheet is missing</source>
        <translation>нет задания на английском</translation>
    </message>
    <message>
        <source>must be a list of lecture names, got {value}</source>
        <translation>должно быть списком названий лекций, а не {value}</translation>
    </message>
    <message>
        <source>must be a non-empty list of variants, got {value}</source>
        <translation>должно быть непустым списком вариантов, а не {value}</translation>
    </message>
    <message>
        <source>must be an object, got {value}</source>
        <translation>должен быть объектом, а не {value}</translation>
    </message>
    <message>
        <source>name must be lower-case letters, digits and _, starting with a letter; got {value}</source>
        <translation>имя должно состоять из строчных латинских букв, цифр и _ и начинаться с буквы; а не {value}</translation>
    </message>
    <message>
        <source>two variants are named {name}</source>
        <translation>два варианта называются {name}</translation>
    </message>
    <message>
        <source>has no config</source>
        <translation>нет конфигурации (config)</translation>
    </message>
    <message>
        <source>must map parameter names to arrays, got {value}</source>
        <translation>должны сопоставлять именам параметров массивы, а не {value}</translation>
    </message>
    <message>
        <source>must be a (nested) list of numbers, got {value}</source>
        <translation>должны быть (вложенным) списком чисел, а не {value}</translation>
    </message>
    <message>
        <source>must be a finite vector or matrix, got {value}</source>
        <translation>должны быть конечным вектором или матрицей, а не {value}</translation>
    </message>
    <message>
        <source>the network has no such parameter; its parameters: {names}</source>
        <translation>у сети нет такого параметра; её параметры: {names}</translation>
    </message>
    <message>
        <source>{got} numbers, but the network on {dataset} (inputs: {inputs}, outputs: {outputs}) takes {expected} here: a row for each input of the layer, a column for each of its units</source>
        <translation>размер {got}, а сети на {dataset} (входов: {inputs}, выходов: {outputs}) здесь нужен размер {expected}: строка на каждый вход слоя, столбец на каждый его нейрон</translation>
    </message>
    <message>
        <source>{got} numbers, but the network on {dataset} (inputs: {inputs}, outputs: {outputs}) takes {expected} here: one for each unit of the layer</source>
        <translation>размер {got}, а сети на {dataset} (входов: {inputs}, выходов: {outputs}) здесь нужен размер {expected}: по числу на каждый нейрон слоя</translation>
    </message>
    <message>
        <source>must be a non-empty list of views, got {value}</source>
        <translation>должно быть непустым списком видов, а не {value}</translation>
    </message>
    <message>
        <source>{view} is not one of: {views}</source>
        <translation>{view} — не один из видов: {views}</translation>
    </message>
    <message>
        <source>no option {option}; its options: {options}</source>
        <translation>нет параметра {option}; его параметры: {options}</translation>
    </message>
    <message>
        <source>must be a list of settings (dotted paths such as training.seed), got {value}</source>
        <translation>должно быть списком настроек (путей через точку, например training.seed), а не {value}</translation>
    </message>
    <message>
        <source>{path} is not a setting of the run configuration</source>
        <translation>{path} — не настройка конфигурации запуска</translation>
    </message>
    <message>
        <source>must be null or an object whose metric is one of: {metrics}; got {value}</source>
        <translation>должна быть null или объектом с метрикой (metric) из: {metrics}; а не {value}</translation>
    </message>
    <message>
        <source>needs exactly one of at_least or at_most, got {value}</source>
        <translation>нужно ровно одно из at_least и at_most, а не {value}</translation>
    </message>
    <message>
        <source>{name} must be a number, got {value}</source>
        <translation>{name} должно быть числом, а не {value}</translation>
    </message>
    <message>
        <source>{name} of an accuracy is a fraction from 0 to 1 (0.95 for 95 %), got {value}</source>
        <translation>{name} для точности — доля от 0 до 1 (0.95 для 95 %), а не {value}</translation>
    </message>
    <message>
        <source>variant {variant} is not one of: {variants}</source>
        <translation>вариант {variant} — не один из: {variants}</translation>
    </message>
    <message>
        <source>the CSV file {name} is not beside lab.json: copy it into the lab&apos;s folder</source>
        <translation>CSV-файла {name} нет рядом с lab.json: скопируйте его в папку лабораторной</translation>
    </message>
    <message>
        <source>{metric} is scored on validation data, and its validation split of 0 holds none out: no result can reach the goal; give the variant a validation split, or set the goal on train_ or test_</source>
        <translation>{metric} считается на валидационных данных, а при доле валидации 0 их нет: цели не достигнет ни один результат; задайте варианту долю валидации или поставьте цель на train_ или test_</translation>
    </message>
    <message>
        <source>{metric} is scored on test data, and its test split of 0 holds none out: no result can reach the goal; give the variant a test split, or set the goal on train_ or val_</source>
        <translation>{metric} считается на тестовых данных, а при доле теста 0 их нет: цели не достигнет ни один результат; задайте варианту долю теста или поставьте цель на train_ или val_</translation>
    </message>
    <message>
        <source>unknown hyperparameter {got}; {component} takes {names}</source>
        <translation>неизвестный гиперпараметр {got}; у {component} есть {names}</translation>
    </message>
    <message>
        <source>must be an object with an English text under &quot;en&quot;, got {value}</source>
        <translation>должно быть объектом с английским текстом под ключом &quot;en&quot;, а не {value}</translation>
    </message>
    <message>
        <source>language {language} is not one of: {languages}</source>
        <translation>язык {language} — не один из: {languages}</translation>
    </message>
    <message>
        <source>the {language} text must be a non-empty string, got {value}</source>
        <translation>текст на языке {language} должен быть непустой строкой, а не {value}</translation>
    </message>
    <message>
        <source>{others} in the same folder {verb} number {number} too: the students see two labs numbered {number}; give each lab a number of its own (its folder&apos;s name and its number)</source>
        <translation>номер {number} есть и у {others} в той же папке: студенты видят две лабораторные под номером {number}; дайте каждой лабораторной свой номер (имя её папки и её номер)</translation>
    </message>
    <message>
        <source>the shipped {others} {verb} number {number} too, and MLP Workbench offers the shipped labs this pack has none of by name beside its own: the students see two labs numbered {number}; to hand this lab out in the place of {first}, name its folder and id {first}, or give it a number of its own</source>
        <translation>номер {number} есть и у встроенной лабораторной {others}, а MLP Workbench рядом с лабораторными пакета предлагает и те встроенные, которых в пакете нет под тем же именем: студенты видят две лабораторные под номером {number}; чтобы раздать эту лабораторную вместо {first}, назовите её папку и id {first} или дайте ей свой номер</translation>
    </message>
    <message>
        <source>run name</source>
        <translation>имя запуска</translation>
    </message>
    <message>
        <source>data</source>
        <translation>данные</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>набор данных</translation>
    </message>
    <message>
        <source>data set options</source>
        <translation>параметры набора данных</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>примеров</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>шум</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>зерно данных</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>входы</translation>
    </message>
    <message>
        <source>test split</source>
        <translation>доля теста</translation>
    </message>
    <message>
        <source>training examples at most</source>
        <translation>не больше обучающих примеров</translation>
    </message>
    <message>
        <source>validation split</source>
        <translation>доля валидации</translation>
    </message>
    <message>
        <source>scaling</source>
        <translation>масштабирование</translation>
    </message>
    <message>
        <source>target scaling</source>
        <translation>масштабирование y</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>аугментация</translation>
    </message>
    <message>
        <source>network</source>
        <translation>сеть</translation>
    </message>
    <message>
        <source>hidden layers</source>
        <translation>скрытые слои</translation>
    </message>
    <message>
        <source>units</source>
        <translation>нейроны</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>активация</translation>
    </message>
    <message>
        <source>weight initialiser</source>
        <translation>инициализация весов</translation>
    </message>
    <message>
        <source>batch normalisation</source>
        <translation>батч-нормализация</translation>
    </message>
    <message>
        <source>dropout rate</source>
        <translation>доля дропаута</translation>
    </message>
    <message>
        <source>output initialiser</source>
        <translation>инициализация выхода</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>точность вычислений</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>функция потерь</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>оптимизатор</translation>
    </message>
    <message>
        <source>learning-rate schedule</source>
        <translation>расписание скорости обучения</translation>
    </message>
    <message>
        <source>schedule unit</source>
        <translation>единица расписания</translation>
    </message>
    <message>
        <source>regularisation</source>
        <translation>регуляризация</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>penalise biases</source>
        <translation>штрафовать смещения</translation>
    </message>
    <message>
        <source>training</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>эпохи</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>размер батча</translation>
    </message>
    <message>
        <source>early stopping patience</source>
        <translation>терпение ранней остановки</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>зерно</translation>
    </message>
    <message>
        <source>Number %1 is also that of: %2</source>
        <translation>Номер %1 есть и у: %2</translation>
    </message>
    <message>
        <source>Labs offered here share a number: %1. The lists of labs name each by its folder; before handing the labs out, give each a number of its own. To see every warning: %2</source>
        <translation>Предлагаемые здесь лабораторные имеют общий номер: %1. В списках лабораторных каждая названа ещё и по своей папке; прежде чем раздавать лабораторные, дайте каждой свой номер. Все предупреждения покажет команда %2</translation>
    </message>
    <message>
        <source>These labs cannot be used; the shipped lab of the same number is offered instead, where there is one. To see every problem: %1</source>
        <translation>Эти лабораторные нельзя использовать; вместо каждой предлагается встроенная с тем же номером, если она есть. Все ошибки покажет команда %1</translation>
    </message>
    <message>
        <source>… %1 more</source>
        <translation>… ещё %1</translation>
    </message>
    <message>
        <source>Other labs that cannot be used: %1</source>
        <translation>Других лабораторных, которые нельзя использовать: %1</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;System language (%1)</source>
        <translation>Язык &amp;системы (%1)</translation>
    </message>
</context>
<context>
    <name>LessonDock</name>
    <message>
        <source>Lesson</source>
        <translation>Занятие</translation>
    </message>
    <message>
        <source>Choose a lab: each one sets up a lecture&apos;s experiment, with its task sheet here.</source>
        <translation>Выберите лабораторную: каждая готовит эксперимент из лекции, а её задание появится здесь.</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Лабораторные</translation>
    </message>
    <message>
        <source>&amp;Open the lab</source>
        <translation>&amp;Открыть лабораторную</translation>
    </message>
    <message>
        <source>Open the selected lab</source>
        <translation>Открыть выбранную лабораторную</translation>
    </message>
    <message>
        <source>Set the panels and views up for the selected lab and show its task sheet here (double-click does the same)</source>
        <translation>Настроить панели и виды для выбранной лабораторной и показать здесь её задание (то же делает двойной щелчок)</translation>
    </message>
    <message>
        <source>&amp;Variant:</source>
        <translation>&amp;Вариант:</translation>
    </message>
    <message>
        <source>Variant of the lab</source>
        <translation>Вариант лабораторной</translation>
    </message>
    <message>
        <source>The runs this lab compares: choosing one sets the panels to it and re-initialises the network.</source>
        <translation>Запуски, которые сравнивает эта лабораторная: выбор варианта настраивает панели и заново инициализирует сеть.</translation>
    </message>
    <message>
        <source>Task sheet</source>
        <translation>Задание</translation>
    </message>
    <message>
        <source>Lab title</source>
        <translation>Название лабораторной</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Goal reached</source>
        <translation>Достигнута ли цель</translation>
    </message>
    <message>
        <source>&amp;Export my result…</source>
        <translation>&amp;Экспорт моего результата…</translation>
    </message>
    <message>
        <source>Save your configuration, curves and final metrics as one file for the teacher.</source>
        <translation>Сохранить вашу конфигурацию, кривые и итоговые метрики одним файлом для преподавателя.</translation>
    </message>
    <message>
        <source>Export my result</source>
        <translation>Экспорт моего результата</translation>
    </message>
    <message>
        <source>All &amp;labs</source>
        <translation>Все &amp;лабораторные</translation>
    </message>
    <message>
        <source>Close this lab and show the list of labs</source>
        <translation>Закрыть эту лабораторную и показать список лабораторных</translation>
    </message>
    <message>
        <source>Close the lab</source>
        <translation>Закрыть эту лабораторную</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <source>✓ reached</source>
        <translation>✓ достигнута</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>пока нет</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>Loss</source>
        <translation>Потери</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>скорость обучения</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>loss per batch</source>
        <translation>потери на батче</translation>
    </message>
    <message>
        <source>loss, smoothed</source>
        <translation>потери, сглаженные</translation>
    </message>
    <message>
        <source>training loss (epoch)</source>
        <translation>потери на обучении (эпоха)</translation>
    </message>
    <message>
        <source>validation loss (epoch)</source>
        <translation>потери на валидации (эпоха)</translation>
    </message>
    <message>
        <source>training penalty (epoch)</source>
        <translation>штраф на обучении (эпоха)</translation>
    </message>
    <message>
        <source>per batch, smoothed</source>
        <translation>на батче, сглаженная</translation>
    </message>
    <message>
        <source>training</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>валидация</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>loss of the scaled targets</source>
        <translation>потери по масштабированной цели</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>задан вручную</translation>
    </message>
    <message>
        <source>%1, of the scaled targets</source>
        <translation>%1, по масштабированной цели</translation>
    </message>
    <message>
        <source>{metric} per batch, smoothed</source>
        <translation>{metric} на батче, сглаженная</translation>
    </message>
    <message>
        <source>training {metric} (epoch)</source>
        <translation>{metric} на обучении (эпоха)</translation>
    </message>
    <message>
        <source>validation {metric} (epoch)</source>
        <translation>{metric} на валидации (эпоха)</translation>
    </message>
    <message>
        <source>series</source>
        <translation>ряд</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MLP Workbench</source>
        <translation>MLP Workbench</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Обучить</translation>
    </message>
    <message>
        <source>Train the network (continues a paused or finished run)</source>
        <translation>Обучать сеть (продолжает приостановленный или завершённый запуск)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <source>Pause after the current batch, or resume</source>
        <translation>Пауза после текущего батча или продолжение</translation>
    </message>
    <message>
        <source>Step one &amp;batch</source>
        <translation>Один &amp;батч</translation>
    </message>
    <message>
        <source>Train exactly one batch, then pause</source>
        <translation>Обучить ровно один батч и встать на паузу</translation>
    </message>
    <message>
        <source>Step one &amp;epoch</source>
        <translation>Одна &amp;эпоха</translation>
    </message>
    <message>
        <source>Train to the end of the current epoch, then pause</source>
        <translation>Обучать до конца текущей эпохи и встать на паузу</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>С&amp;топ</translation>
    </message>
    <message>
        <source>Stop training after the current batch (the weights are kept)</source>
        <translation>Остановить обучение после текущего батча (веса сохраняются)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>Сбро&amp;с</translation>
    </message>
    <message>
        <source>Stop and re-initialise the weights (same seed, same weights)</source>
        <translation>Остановить и заново инициализировать веса (то же зерно — те же веса)</translation>
    </message>
    <message>
        <source>Go bac&amp;k</source>
        <translation>&amp;Вернуться</translation>
    </message>
    <message>
        <source>Check &amp;gradients</source>
        <translation>Проверить &amp;градиент</translation>
    </message>
    <message>
        <source>Compare backpropagation with numerical derivatives on the current network</source>
        <translation>Сравнить обратное распространение с численными производными на текущей сети</translation>
    </message>
    <message>
        <source>&amp;Open configuration…</source>
        <translation>&amp;Открыть конфигурацию…</translation>
    </message>
    <message>
        <source>Open a run configuration (JSON)</source>
        <translation>Открыть конфигурацию запуска (JSON)</translation>
    </message>
    <message>
        <source>&amp;Save configuration</source>
        <translation>&amp;Сохранить конфигурацию</translation>
    </message>
    <message>
        <source>Save the run configuration (JSON)</source>
        <translation>Сохранить конфигурацию запуска (JSON)</translation>
    </message>
    <message>
        <source>Save configuration &amp;as…</source>
        <translation>Сохранить конфигурацию &amp;как…</translation>
    </message>
    <message>
        <source>Save the run configuration under a new name</source>
        <translation>Сохранить конфигурацию запуска под новым именем</translation>
    </message>
    <message>
        <source>&amp;Export current view…</source>
        <translation>&amp;Экспорт текущего вида…</translation>
    </message>
    <message>
        <source>Save the shown view as PNG, SVG or CSV</source>
        <translation>Сохранить показанный вид как PNG, SVG или CSV</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Close the window (a run is stopped first)</source>
        <translation>Закрыть окно (сначала запуск останавливается)</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>Открыть &amp;модель…</translation>
    </message>
    <message>
        <source>Open a saved model: the Draw view classifies with it, and its settings and weights are restored</source>
        <translation>Открыть сохранённую модель: вид «Рисование» классифицирует ею, а её настройки и веса восстанавливаются</translation>
    </message>
    <message>
        <source>Save mo&amp;del…</source>
        <translation>Сохранить мо&amp;дель…</translation>
    </message>
    <message>
        <source>Save the network&apos;s weights with its settings and the data it was trained on (.npz)</source>
        <translation>Сохранить веса сети с её настройками и данными, на которых она обучена (.npz)</translation>
    </message>
    <message>
        <source>Save the current run&apos;s per-epoch metrics as CSV</source>
        <translation>Сохранить метрики текущего запуска по эпохам в CSV</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Конфигурация</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Live views</source>
        <translation>Виды обучения</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Виды</translation>
    </message>
    <message>
        <source>The live views are not available: %1</source>
        <translation>Виды обучения недоступны: %1</translation>
    </message>
    <message>
        <source>This view failed to start: %1</source>
        <translation>Этот вид не запустился: %1</translation>
    </message>
    <message>
        <source>No live views are installed.</source>
        <translation>Виды обучения не установлены.</translation>
    </message>
    <message>
        <source>“{data}” has numbers to predict (regression): choose the loss {mse}, not {loss}</source>
        <translation>В «{data}» нужно предсказывать числа (регрессия): выберите функцию потерь «{mse}», а не «{loss}»</translation>
    </message>
    <message>
        <source>“{data}” has classes: {mse} needs numbers to predict; choose {softmax}</source>
        <translation>В «{data}» — классы, а «{mse}» требует чисел для предсказания: выберите «{softmax}»</translation>
    </message>
    <message>
        <source>{loss} is for two classes, and “{data}” has {classes}: choose {softmax}</source>
        <translation>«{loss}» — для двух классов, а в «{data}» их {classes}: выберите «{softmax}»</translation>
    </message>
    <message>
        <source>{loss} is for {binary}, and the two classes of “{data}” are read as {multiclass}: choose the task {binary}, or the loss {softmax}</source>
        <translation>«{loss}» — для задачи «{binary}», а два класса «{data}» читаются как «{multiclass}»: выберите задачу «{binary}» или функцию потерь «{softmax}»</translation>
    </message>
    <message>
        <source>Reopen &amp;it</source>
        <translation>От&amp;крыть снова</translation>
    </message>
    <message>
        <source>Reopen the trained run that new weights replaced</source>
        <translation>Снова открыть обученный запуск, который заменили новые веса</translation>
    </message>
    <message>
        <source>Bring them &amp;back</source>
        <translation>Вернуть &amp;их</translation>
    </message>
    <message>
        <source>Open again the settings you had changed before others replaced them</source>
        <translation>Снова открыть изменённые вами настройки, которые заменили другие</translation>
    </message>
    <message>
        <source>After a divergence: restore the weights of the run&apos;s epoch with the lowest loss</source>
        <translation>После расхождения: вернуть веса той эпохи запуска, на которой потери были наименьшими</translation>
    </message>
    <message>
        <source>Export me&amp;trics…</source>
        <translation>Экспорт ме&amp;трик…</translation>
    </message>
    <message>
        <source>How fast the network trains: at full speed a small data set trains in a fraction of a second; slowed down, the views are drawn after every step, and the decision boundary can be watched as it bends.</source>
        <translation>Как быстро обучается сеть: на полной скорости небольшой набор данных обучается за доли секунды; при замедлении вкладки перерисовываются после каждого шага, и можно смотреть, как изгибается граница решений.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>&amp;Configuration</source>
        <translation>&amp;Конфигурация</translation>
    </message>
    <message>
        <source>&amp;Go to view</source>
        <translation>&amp;Перейти к виду</translation>
    </message>
    <message>
        <source>List every view and go to one</source>
        <translation>Список всех видов: перейти к любому</translation>
    </message>
    <message>
        <source>All views</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>This tool failed to start: %1</source>
        <translation>Этот инструмент не запустился: %1</translation>
    </message>
    <message>
        <source>The race set up in Compare optimisers when the window last closed could not be read (%1); the view starts from its first preset.</source>
        <translation>Не удалось прочитать гонку, настроенную на вкладке «Сравнение оптимизаторов», когда окно закрывалось в прошлый раз (%1); вид начинает с первой готовой гонки.</translation>
    </message>
    <message>
        <source>Run state</source>
        <translation>Состояние запуска</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Эпоха</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Потери</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>Тестовая выборка</translation>
    </message>
    <message>
        <source>Samples per second</source>
        <translation>Примеров в секунду</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Прошло времени</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Осталось времени</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>Ход обучения</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Paused (diverged)</source>
        <translation>Пауза (разошлось)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Не готово</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>На паузе</translation>
    </message>
    <message>
        <source>Fix the marked settings first: %1</source>
        <translation>Сначала исправьте отмеченные настройки: %1</translation>
    </message>
    <message>
        <source>This change needs a new run. Stop training and re-initialise the network with the new settings?</source>
        <translation>Для этого изменения нужен новый запуск. Остановить обучение и заново инициализировать сеть с новыми настройками?</translation>
    </message>
    <message>
        <source>Reset the run?</source>
        <translation>Сбросить запуск?</translation>
    </message>
    <message>
        <source>Building the network…</source>
        <translation>Сборка сети…</translation>
    </message>
    <message>
        <source>there is not enough memory to build this network; use fewer or smaller layers</source>
        <translation>не хватает памяти, чтобы построить эту сеть; уменьшите число или размер слоёв</translation>
    </message>
    <message>
        <source>%1 downloaded: its files are checked and kept in %2.</source>
        <translation>Набор «%1» скачан: его файлы проверены и сохранены в %2.</translation>
    </message>
    <message>
        <source>The data could not be loaded: %1</source>
        <translation>Не удалось загрузить данные: %1</translation>
    </message>
    <message>
        <source>New weights: the network set by hand before is kept in the Runs view as “%1”.</source>
        <translation>Новые веса: сеть с заданными до этого вручную весами сохранена на вкладке «Запуски» как «%1».</translation>
    </message>
    <message>
        <source>New weights: the network trained before is kept in the Runs view as “%1”.</source>
        <translation>Новые веса: обученная до этого сеть сохранена на вкладке «Запуски» как «%1».</translation>
    </message>
    <message>
        <source>The training loss has grown from %1 to %2 since this run started: the learning rate is probably too large. Try one ten times smaller.</source>
        <translation>Потери на обучении выросли с %1 до %2 с начала этого запуска: скорость обучения, вероятно, слишком велика. Попробуйте в десять раз меньше.</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Пауза: %1</translation>
    </message>
    <message>
        <source>Stopped after 1 step; Start continues from here.</source>
        <translation>Остановлено после 1 шага; «Обучить» продолжит отсюда.</translation>
    </message>
    <message>
        <source>Stopped after %1 steps; Start continues from here.</source>
        <translation>Остановлено; сделано шагов: %1. «Обучить» продолжит отсюда.</translation>
    </message>
    <message>
        <source>test: R² %1, RMSE %2, loss %3 (scaled targets)</source>
        <translation>тест: R² %1, RMSE %2, потери %3 (масштабированная цель)</translation>
    </message>
    <message>
        <source>test: loss %1, %2 %3</source>
        <translation>тест: потери %1, %2 %3</translation>
    </message>
    <message>
        <source>The weights can be set by hand only while the network is not training: pause the run, or wait for it to end.</source>
        <translation>Веса можно задавать вручную, только пока сеть не обучается: поставьте обучение на паузу или дождитесь его конца.</translation>
    </message>
    <message>
        <source>There is no network yet: its data is not loaded.</source>
        <translation>Сети ещё нет: её данные не загружены.</translation>
    </message>
    <message>
        <source>This weight cannot be set: %1</source>
        <translation>Этот вес задать нельзя: %1</translation>
    </message>
    <message>
        <source>%1 · set by hand</source>
        <translation>%1 · веса заданы вручную</translation>
    </message>
    <message>
        <source>The weights set by hand are not kept in the Runs view: %1. To keep them, save the model (File ▸ Save model) into a folder you can write to.</source>
        <translation>Заданные вручную веса не сохранены на вкладке «Запуски»: %1. Чтобы сохранить их, сохраните модель (Файл ▸ Сохранить модель) в папку, доступную для записи.</translation>
    </message>
    <message>
        <source>Weight set by hand. On the training data the loss is now %1, the %2 %3.</source>
        <translation>Вес задан вручную. На обучающих данных потери теперь %1, %2 %3.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Обучение прервалось с ошибкой: %1</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>epoch %1/%2</source>
        <translation>эпоха %1/%2</translation>
    </message>
    <message>
        <source>epoch %1/%2, stopped early</source>
        <translation>эпоха %1/%2, ранняя остановка</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>шаг %1</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>потери %1</translation>
    </message>
    <message>
        <source>loss %1 (scaled targets)</source>
        <translation>потери %1 (масштабированная цель)</translation>
    </message>
    <message>
        <source>validation %1 %2</source>
        <translation>%1 на валидации %2</translation>
    </message>
    <message>
        <source>batch %1 %2</source>
        <translation>%1 на батче %2</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>%1 примеров/с</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>осталось %1</translation>
    </message>
    <message>
        <source>This view stopped after an error: %1. It starts again with the next data or network.</source>
        <translation>Этот вид остановился из-за ошибки: %1. Он запустится снова со следующими данными или сетью.</translation>
    </message>
    <message>
        <source>This view stopped after an error: %1</source>
        <translation>Этот вид остановился из-за ошибки: %1</translation>
    </message>
    <message>
        <source>Choose a live view tab to export.</source>
        <translation>Выберите вкладку вида обучения для экспорта.</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>Не удалось экспортировать в %1: %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Экспортировано: %1</translation>
    </message>
    <message>
        <source>Checking the gradients…</source>
        <translation>Проверка градиента…</translation>
    </message>
    <message>
        <source>The gradient check failed: %1</source>
        <translation>Проверка градиента прервалась с ошибкой: %1</translation>
    </message>
    <message>
        <source>Open configuration</source>
        <translation>Открыть конфигурацию</translation>
    </message>
    <message>
        <source>Run configurations (*.json);;All files (*)</source>
        <translation>Конфигурации запуска (*.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>Сохранить конфигурацию</translation>
    </message>
    <message>
        <source>Run configurations (*.json)</source>
        <translation>Конфигурации запуска (*.json)</translation>
    </message>
    <message>
        <source>Could not open the configuration: %1</source>
        <translation>Не удалось открыть конфигурацию: %1</translation>
    </message>
    <message>
        <source>Opening a configuration stops the current run. Continue?</source>
        <translation>Открытие конфигурации остановит текущий запуск. Продолжить?</translation>
    </message>
    <message>
        <source>%1 no longer exists (was it moved, renamed or deleted?); open it from where it is now.</source>
        <translation>Файла %1 больше нет (его переместили, переименовали или удалили?); откройте его там, где он теперь.</translation>
    </message>
    <message>
        <source>It is removed from File ▸ Open recent.</source>
        <translation>Файл убран из меню Файл ▸ Недавние файлы.</translation>
    </message>
    <message>
        <source>The settings you had changed were replaced by those of %1.</source>
        <translation>Изменённые вами настройки заменены настройками «%1».</translation>
    </message>
    <message>
        <source>Bringing your settings back stops the current run. Continue?</source>
        <translation>Возврат ваших настроек остановит текущий запуск. Продолжить?</translation>
    </message>
    <message>
        <source>This run is not saved: %1. It trains all the same; to keep its network, save the model (File ▸ Save model) into a folder you can write to.</source>
        <translation>Этот запуск не сохраняется: %1. Обучение идёт как обычно; чтобы сохранить сеть, сохраните модель (Файл ▸ Сохранить модель) в папку, доступную для записи.</translation>
    </message>
    <message>
        <source>The weights set by hand could not be saved to the run library: %1 (%2). To keep them, make room or save the model (File ▸ Save model) into a folder you can write to.</source>
        <translation>Заданные вручную веса не удалось сохранить в библиотеку запусков: %1 (%2). Чтобы сохранить их, освободите место или сохраните модель (Файл ▸ Сохранить модель) в папку, доступную для записи.</translation>
    </message>
    <message>
        <source>The end of this run could not be saved: %1 (%2). Its training has ended; the run library lacks the weights it ended with and its curves since the last save. To keep them, make room or save the model (File ▸ Save model) into a folder you can write to.</source>
        <translation>Конец этого запуска не удалось сохранить: %1 (%2). Обучение закончилось; в библиотеке запусков нет весов, с которыми оно закончилось, и его кривых после последнего сохранения. Чтобы сохранить их, освободите место или сохраните модель (Файл ▸ Сохранить модель) в папку, доступную для записи.</translation>
    </message>
    <message>
        <source>The end of the run in %2 could not be saved: %1. Its training had ended; the run library keeps it as of its last save, without the weights it ended with.</source>
        <translation>Конец запуска в %2 не удалось сохранить: %1. Его обучение уже закончилось; в библиотеке запусков он остаётся таким, каким был при последнем сохранении, без весов, с которыми закончился.</translation>
    </message>
    <message>
        <source>The run&apos;s last weights cannot be read (%1): it is opened at its newest readable checkpoint, epoch %2.</source>
        <translation>Последние веса запуска не читаются (%1): он открыт на самой новой читаемой контрольной точке, эпоха %2.</translation>
    </message>
    <message>
        <source>The lab is closed: this run was not trained in it.</source>
        <translation>Лабораторная работа закрыта: этот запуск обучался не в ней.</translation>
    </message>
    <message>
        <source>the settings it records: %1</source>
        <translation>записанные в нём настройки: %1</translation>
    </message>
    <message>
        <source>The weights of %1 do not fit the network its data set needs here (%2): it was trained on other data. Its settings are opened, with fresh weights.</source>
        <translation>Веса (%1) не подходят к сети, которая нужна здесь для набора данных модели (%2): модель обучена на других данных. Её настройки открыты, веса — новые, случайные.</translation>
    </message>
    <message>
        <source>The run is pausing: its current batch ends first (a large network takes a while). Save the model once it has paused.</source>
        <translation>Запуск ставится на паузу: сначала закончится текущий батч (у большой сети это занимает время). Сохраните модель, когда пауза наступит.</translation>
    </message>
    <message>
        <source>The run in %1 is still being saved; try again in a moment.</source>
        <translation>Запуск в %1 всё ещё сохраняется; попробуйте снова через несколько секунд.</translation>
    </message>
    <message>
        <source>This run&apos;s metrics were not recorded: the run library could not be written. The Loss view exports its curves (its Export button, as CSV).</source>
        <translation>Метрики этого запуска не записаны: не удалось записать библиотеку запусков. Кривые можно экспортировать из вида «Потери» (кнопка «Экспорт», как CSV).</translation>
    </message>
    <message>
        <source>The run “%1” (%2 epochs saved) was not saved to its end: MLP Workbench was closed while it trained, or the disk was full. Reopen it with its last saved weights?</source>
        <translation>Запуск «%1» (сохранено эпох: %2) сохранён не до конца: MLP Workbench был закрыт во время обучения, или диск был заполнен. Открыть его снова с последними сохранёнными весами?</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>Полная скорость</translation>
    </message>
    <message>
        <source>10 epochs/s</source>
        <translation>10 эпох/с</translation>
    </message>
    <message>
        <source>3 epochs/s</source>
        <translation>3 эпохи/с</translation>
    </message>
    <message>
        <source>1 epoch/s</source>
        <translation>1 эпоха/с</translation>
    </message>
    <message>
        <source>%1 — MLP Workbench</source>
        <translation>%1 — MLP Workbench</translation>
    </message>
    <message>
        <source>Fix the marked settings before saving: %1</source>
        <translation>Перед сохранением исправьте отмеченные настройки: %1</translation>
    </message>
    <message>
        <source>Could not save the configuration to %1: %2</source>
        <translation>Не удалось сохранить конфигурацию в %1: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Could not open the run: %1</source>
        <translation>Не удалось открыть запуск: %1</translation>
    </message>
    <message>
        <source>the run “%1”</source>
        <translation>запуск «%1»</translation>
    </message>
    <message>
        <source>the run “%1” at epoch %2</source>
        <translation>запуск «%1» на эпохе %2</translation>
    </message>
    <message>
        <source>The Draw view cannot classify drawings with %1: %2. The file does not record the settings it was trained with, so the other views go on showing the current run.</source>
        <translation>Вкладка «Рисование» не может распознавать рисунки с помощью %1: %2. В файле не записаны настройки, с которыми модель обучалась, поэтому остальные вкладки по-прежнему показывают текущий запуск.</translation>
    </message>
    <message>
        <source>The optimiser&apos;s saved state cannot be read: %1. Start trains on with a fresh optimiser.</source>
        <translation>Сохранённое состояние оптимизатора не читается: %1. «Обучить» продолжит обучение с новым оптимизатором.</translation>
    </message>
    <message>
        <source>Could not open the model: %1</source>
        <translation>Не удалось открыть модель: %1</translation>
    </message>
    <message>
        <source>The network&apos;s loss and accuracy on the test set, measured once when a run ends: the validation set guides training, the test set is kept apart to tell how well the network does on new examples. With scaled regression targets the loss is that of the scaled targets; R² is the same in the data&apos;s units, and RMSE = √(mean (ŷ − y)²) is in them.</source>
        <translation>Потери и точность сети на тестовой выборке, измеренные один раз в конце запуска: валидационная выборка направляет обучение, а тестовая держится отдельно, чтобы показать, как сеть справляется с новыми примерами. При масштабированной цели регрессии потери считаются по масштабированным значениям; R² в единицах данных тот же, а RMSE = √(среднее (ŷ − y)²) — в единицах данных.</translation>
    </message>
    <message>
        <source>This view has its own buttons to run, pause and stop its training; the toolbar&apos;s train the workbench&apos;s network, shown in the other views.</source>
        <translation>У этого вида свои кнопки запуска, паузы и остановки; кнопки панели инструментов обучают сеть рабочего окна, показанную в других видах.</translation>
    </message>
    <message>
        <source>No data is loaded: %1: %2.</source>
        <translation>Данные не загружены: %1: %2.</translation>
    </message>
    <message>
        <source>The loss is now %1, which suits this data (%2).</source>
        <translation>Функция потерь теперь «%1»: она подходит этим данным (%2).</translation>
    </message>
    <message>
        <source>Go bac&amp;k to the run&apos;s start</source>
        <translation>&amp;Вернуться к началу запуска</translation>
    </message>
    <message>
        <source>Go bac&amp;k to epoch %1</source>
        <translation>&amp;Вернуться к эпохе %1</translation>
    </message>
    <message>
        <source>The weights this run started from are back. Lower the learning rate before Start: the optimiser starts afresh.</source>
        <translation>Возвращены веса, с которых начался этот запуск. Уменьшите скорость обучения, прежде чем нажать «Обучить»: оптимизатор начнёт заново.</translation>
    </message>
    <message>
        <source>The weights of epoch %1, where this run&apos;s loss was lowest, are back. Lower the learning rate before Start: the optimiser starts afresh.</source>
        <translation>Возвращены веса эпохи %1, на которой потери этого запуска были наименьшими. Уменьшите скорость обучения, прежде чем нажать «Обучить»: оптимизатор начнёт заново.</translation>
    </message>
    <message>
        <source>This run is no longer saved: %1 (%2). Training goes on; to keep its network, make room or save the model (File ▸ Save model) into a folder you can write to.</source>
        <translation>Этот запуск больше не сохраняется: %1 (%2). Обучение продолжается; чтобы сохранить сеть, освободите место или сохраните модель (Файл ▸ Сохранить модель) в папку, доступную для записи.</translation>
    </message>
    <message>
        <source>Waiting for the run in %1 to be saved: it opens as soon as it is.</source>
        <translation>Ждём, пока запуск в %1 сохранится: он откроется, как только сохранение завершится.</translation>
    </message>
    <message>
        <source>The run in %1 was not opened: it is still being saved (is the disk busy or slow?). Open it again in a moment.</source>
        <translation>Запуск в %1 не открыт: он всё ещё сохраняется (диск занят или работает медленно?). Откройте его снова через несколько секунд.</translation>
    </message>
    <message>
        <source>the model in %1</source>
        <translation>модель из %1</translation>
    </message>
    <message>
        <source>The Draw view classifies with %1. The file does not record the settings it was trained with, so the other views go on showing the current run.</source>
        <translation>Вид «Рисование» классифицирует моделью: %1. В файле не записаны настройки, с которыми она обучалась, поэтому остальные виды по-прежнему показывают текущий запуск.</translation>
    </message>
    <message>
        <source>Opening a saved run or model stops the current run. Continue?</source>
        <translation>Открытие сохранённого запуска или модели остановит текущий запуск. Продолжить?</translation>
    </message>
    <message>
        <source>Opened the settings of %1 (it saved no weights).</source>
        <translation>Открыты настройки: %1 (веса не были сохранены).</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Открыто: %1.</translation>
    </message>
    <message>
        <source>Opened %1; Start trains it further as a new run branched from it.</source>
        <translation>Открыто: %1; «Обучить» продолжит обучение как новый запуск, ответвлённый от него.</translation>
    </message>
    <message>
        <source>The optimiser&apos;s saved state does not fit the network: %1. Start trains on with a fresh optimiser.</source>
        <translation>Сохранённое состояние оптимизатора не подходит к сети: %1. «Обучить» продолжит обучение с новым оптимизатором.</translation>
    </message>
    <message>
        <source>There is no network to save yet: its data is not loaded.</source>
        <translation>Сохранять пока нечего: данные сети не загружены.</translation>
    </message>
    <message>
        <source>Pause or stop the run before saving the model: its weights change with every batch.</source>
        <translation>Поставьте запуск на паузу или остановите его, прежде чем сохранять модель: её веса меняются с каждым батчем.</translation>
    </message>
    <message>
        <source>Could not save the model to %1: %2</source>
        <translation>Не удалось сохранить модель в %1: %2</translation>
    </message>
    <message>
        <source>Saved the model to %1</source>
        <translation>Модель сохранена в %1</translation>
    </message>
    <message>
        <source>The current run has no finished epoch yet: train or open a run first.</source>
        <translation>В текущем запуске ещё нет завершённой эпохи: сначала обучите сеть или откройте запуск.</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Открыть модель</translation>
    </message>
    <message>
        <source>MLP Workbench models (*.npz);;All files (*)</source>
        <translation>Модели MLP Workbench (*.npz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Сохранить модель</translation>
    </message>
    <message>
        <source>MLP Workbench models (*.npz)</source>
        <translation>Модели MLP Workbench (*.npz)</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Экспорт метрик</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>Данные CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 other interrupted runs are listed in the Runs view.</source>
        <translation>Другие прерванные запуски (%1) перечислены на вкладке «Запуски».</translation>
    </message>
    <message>
        <source>Restore the interrupted run?</source>
        <translation>Восстановить прерванный запуск?</translation>
    </message>
    <message>
        <source>Reopen it</source>
        <translation>Открыть снова</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The settings the window last closed with could not be read (%1); it opens on the default settings.</source>
        <translation>Не удалось прочитать настройки, с которыми окно было закрыто в прошлый раз (%1); окно открыто с настройками по умолчанию.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>Закрыть это сообщение</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Закрыть сообщение</translation>
    </message>
</context>
<context>
    <name>Metrics</name>
    <message>
        <source>training loss</source>
        <translation>потери на обучении</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>точность на обучении</translation>
    </message>
    <message>
        <source>training R²</source>
        <translation>R² на обучении</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>потери на валидации</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>точность на валидации</translation>
    </message>
    <message>
        <source>validation R²</source>
        <translation>R² на валидации</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>потери на тесте</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>точность на тесте</translation>
    </message>
    <message>
        <source>test R²</source>
        <translation>R² на тесте</translation>
    </message>
</context>
<context>
    <name>MyDigits</name>
    <message>
        <source>{digits}: {count} each</source>
        <translation>{digits}: по {count}</translation>
    </message>
    <message>
        <source>{digits}: {count}</source>
        <translation>{digits}: {count}</translation>
    </message>
    <message>
        <source>The data set “{data}” is too small to take {test} off for the test set and {validation} for validation with every digit in each part. Draw more digits in the Draw view — {groups}.</source>
        <translation>Набор данных «{data}» слишком мал, чтобы отделить {test} на тестовую выборку и {validation} на валидацию так, чтобы каждая цифра была в каждой части. Нарисуйте ещё цифр на вкладке «Рисование» — {groups}.</translation>
    </message>
    <message>
        <source>Or set the validation split to 0 (no validation data).</source>
        <translation>Или задайте долю валидации 0 (без валидационных данных).</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>8×8 digits</source>
        <translation>Цифры 8×8</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>Цифры MNIST</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>My drawn digits</source>
        <translation>Мои нарисованные цифры</translation>
    </message>
    <message>
        <source>Wine, 13 features</source>
        <translation>Вино, 13 признаков</translation>
    </message>
    <message>
        <source>Wine: alcohol and proline</source>
        <translation>Вино: спирт и пролин</translation>
    </message>
    <message>
        <source>XOR truth table</source>
        <translation>Таблица истинности XOR</translation>
    </message>
    <message>
        <source>XNOR truth table</source>
        <translation>Таблица истинности XNOR</translation>
    </message>
    <message>
        <source>Sine curve (regression)</source>
        <translation>Синусоида (регрессия)</translation>
    </message>
    <message>
        <source>Diabetes (regression)</source>
        <translation>Диабет (регрессия)</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>Два полумесяца</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>Окружности</translation>
    </message>
    <message>
        <source>Spirals</source>
        <translation>Спирали</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>Гауссовы облака</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Файл CSV</translation>
    </message>
    <message>
        <source>binary classification</source>
        <translation>бинарная классификация</translation>
    </message>
    <message>
        <source>multiclass classification</source>
        <translation>многоклассовая классификация</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>регрессия</translation>
    </message>
    <message>
        <source>the dataset&apos;s default</source>
        <translation>как принято для набора</translation>
    </message>
    <message>
        <source>standardise: (x − μ) / σ</source>
        <translation>стандартизация: (x − μ) / σ</translation>
    </message>
    <message>
        <source>min–max to [0, 1]</source>
        <translation>min–max в [0, 1]</translation>
    </message>
    <message>
        <source>none: raw values</source>
        <translation>нет: исходные значения</translation>
    </message>
    <message>
        <source>Piece-wise linear</source>
        <translation>Кусочно-линейная</translation>
    </message>
    <message>
        <source>Identity (linear)</source>
        <translation>Тождественная (линейная)</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>Плоскость (регрессия)</translation>
    </message>
    <message>
        <source>Gaussian bumps (regression)</source>
        <translation>Гауссовы холмы (регрессия)</translation>
    </message>
    <message>
        <source>standardise: (y − μ) / σ</source>
        <translation>стандартизация: (y − μ) / σ</translation>
    </message>
    <message>
        <source>Unit step (Heaviside)</source>
        <translation>Единичный скачок (Хевисайд)</translation>
    </message>
    <message>
        <source>Sign (signum)</source>
        <translation>Знак (signum)</translation>
    </message>
    <message>
        <source>Logistic sigmoid</source>
        <translation>Логистическая сигмоида</translation>
    </message>
    <message>
        <source>Hyperbolic tangent</source>
        <translation>Гиперболический тангенс</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>линейная</translation>
    </message>
    <message>
        <source>step</source>
        <translation>скачок</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>знак</translation>
    </message>
    <message>
        <source>piece-wise</source>
        <translation>кусочно-лин.</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>сигмоида</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>Нули</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Константа</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Равномерное</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Нормальное</translation>
    </message>
    <message>
        <source>LeCun, uniform</source>
        <translation>ЛеКун, равномерное</translation>
    </message>
    <message>
        <source>LeCun, normal</source>
        <translation>ЛеКун, нормальное</translation>
    </message>
    <message>
        <source>Xavier (Glorot), uniform</source>
        <translation>Ксавьер, равномерное</translation>
    </message>
    <message>
        <source>Xavier (Glorot), normal</source>
        <translation>Ксавьер, нормальное</translation>
    </message>
    <message>
        <source>He, uniform</source>
        <translation>Хе, равномерное</translation>
    </message>
    <message>
        <source>He, normal</source>
        <translation>Хе, нормальное</translation>
    </message>
    <message>
        <source>Softmax cross-entropy</source>
        <translation>Кросс-энтропия (softmax)</translation>
    </message>
    <message>
        <source>Binary cross-entropy</source>
        <translation>Бинарная кросс-энтропия</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>Среднеквадратичная ошибка</translation>
    </message>
    <message>
        <source>Hinge</source>
        <translation>Hinge (кусочно-линейная)</translation>
    </message>
    <message>
        <source>Perceptron criterion</source>
        <translation>Критерий перцептрона</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD с моментом</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Момент Нестерова</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Newton&apos;s method</source>
        <translation>Метод Ньютона</translation>
    </message>
    <message>
        <source>Constant rate</source>
        <translation>Постоянная скорость</translation>
    </message>
    <message>
        <source>Step decay</source>
        <translation>Ступенчатое снижение</translation>
    </message>
    <message>
        <source>Exponential decay</source>
        <translation>Экспоненциальное снижение</translation>
    </message>
    <message>
        <source>Linear decay</source>
        <translation>Линейное снижение</translation>
    </message>
    <message>
        <source>Inverse-time decay</source>
        <translation>Снижение как 1/t</translation>
    </message>
    <message>
        <source>Cosine annealing</source>
        <translation>Косинусное снижение</translation>
    </message>
    <message>
        <source>Cyclic</source>
        <translation>Циклическая</translation>
    </message>
    <message>
        <source>Reduce on plateau</source>
        <translation>Снижение на плато</translation>
    </message>
    <message>
        <source>η (lr)</source>
        <translation>η (lr)</translation>
    </message>
    <message>
        <source>γ (momentum)</source>
        <translation>γ (momentum)</translation>
    </message>
    <message>
        <source>λ (weight_decay)</source>
        <translation>λ (weight_decay)</translation>
    </message>
    <message>
        <source>ε (eps)</source>
        <translation>ε (eps)</translation>
    </message>
    <message>
        <source>α (alpha)</source>
        <translation>α (alpha)</translation>
    </message>
    <message>
        <source>ρ (rho)</source>
        <translation>ρ (rho)</translation>
    </message>
    <message>
        <source>β₁, β₂ (betas)</source>
        <translation>β₁, β₂ (betas)</translation>
    </message>
    <message>
        <source>G₀ (initial_accumulator_value)</source>
        <translation>G₀ (initial_accumulator_value)</translation>
    </message>
    <message>
        <source>k (step_size)</source>
        <translation>k (step_size)</translation>
    </message>
    <message>
        <source>q (gamma)</source>
        <translation>q (gamma)</translation>
    </message>
    <message>
        <source>w (warmup)</source>
        <translation>w (warmup)</translation>
    </message>
    <message>
        <source>η_min (lr_min)</source>
        <translation>η_min (lr_min)</translation>
    </message>
    <message>
        <source>η_min (min_lr)</source>
        <translation>η_min (min_lr)</translation>
    </message>
    <message>
        <source>η_max (max_lr)</source>
        <translation>η_max (max_lr)</translation>
    </message>
    <message>
        <source>η decay (lr_decay)</source>
        <translation>спад η (lr_decay)</translation>
    </message>
    <message>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <source>Bias correction</source>
        <translation>Поправка смещения</translation>
    </message>
    <message>
        <source>ε inside the root</source>
        <translation>ε под корнем</translation>
    </message>
    <message>
        <source>Centred</source>
        <translation>центрированный (centered)</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>спад (decay)</translation>
    </message>
    <message>
        <source>End factor</source>
        <translation>доля в конце (end_factor)</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>множитель (factor)</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>терпение (patience)</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>порог (threshold)</translation>
    </message>
    <message>
        <source>Shift, px</source>
        <translation>Сдвиг, пикс.</translation>
    </message>
    <message>
        <source>Rotation, °</source>
        <translation>Поворот, °</translation>
    </message>
    <message>
        <source>Arm sweep, rad</source>
        <translation>Закрутка рукава, рад</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>Thickness</source>
        <translation>Толщина</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Шум</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Примеров</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Классов</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>Столбец меток</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Add my digits</source>
        <translation>Добавить мои цифры</translation>
    </message>
    <message>
        <source>ρ (alpha)</source>
        <translation>ρ (alpha)</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>шаги</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>эпохи</translation>
    </message>
    <message>
        <source>alcohol, %</source>
        <translation>спирт, %</translation>
    </message>
    <message>
        <source>malic acid</source>
        <translation>яблочная кислота</translation>
    </message>
    <message>
        <source>ash</source>
        <translation>зола</translation>
    </message>
    <message>
        <source>alcalinity of ash</source>
        <translation>щёлочность золы</translation>
    </message>
    <message>
        <source>magnesium</source>
        <translation>магний</translation>
    </message>
    <message>
        <source>total phenols</source>
        <translation>общие фенолы</translation>
    </message>
    <message>
        <source>flavanoids</source>
        <translation>флавоноиды</translation>
    </message>
    <message>
        <source>nonflavanoid phenols</source>
        <translation>нефлавоноидные фенолы</translation>
    </message>
    <message>
        <source>proanthocyanins</source>
        <translation>проантоцианидины</translation>
    </message>
    <message>
        <source>colour intensity</source>
        <translation>интенсивность цвета</translation>
    </message>
    <message>
        <source>hue</source>
        <translation>оттенок</translation>
    </message>
    <message>
        <source>OD280/OD315 of diluted wines</source>
        <translation>OD280/OD315 разбавленных вин</translation>
    </message>
    <message>
        <source>proline, mg/l</source>
        <translation>пролин, мг/л</translation>
    </message>
    <message>
        <source>class 0</source>
        <translation>класс 0</translation>
    </message>
    <message>
        <source>class 1</source>
        <translation>класс 1</translation>
    </message>
    <message>
        <source>class 2</source>
        <translation>класс 2</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>Футболка/топ</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Брюки</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Пуловер</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Платье</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Пальто</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Сандалия</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Рубашка</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Кроссовка</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Сумка</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Ботинок</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>dropout %1</source>
        <translation>дропаут %1</translation>
    </message>
    <message>
        <source>The architecture: input features, each hidden layer, the outputs.</source>
        <translation>Архитектура: входные признаки, каждый скрытый слой, выходы.</translation>
    </message>
    <message>
        <source>Architecture diagram</source>
        <translation>Схема архитектуры</translation>
    </message>
    <message>
        <source>Learnable numbers: a Dense layer has (inputs + 1) × units (weights and biases), batch norm 2 × units (γ and β).</source>
        <translation>Обучаемые числа: у слоя Dense их (входы + 1) × нейроны (веса и смещения), у батч-нормализации 2 × нейроны (γ и β).</translation>
    </message>
    <message>
        <source>Parameter count</source>
        <translation>Число параметров</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>Скрытые слои</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Убрать</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Вы&amp;ше</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Ни&amp;же</translation>
    </message>
    <message>
        <source>Add a hidden layer after the selected one (a copy of it).</source>
        <translation>Добавить скрытый слой после выбранного (его копию).</translation>
    </message>
    <message>
        <source>Remove the selected hidden layer.</source>
        <translation>Удалить выбранный скрытый слой.</translation>
    </message>
    <message>
        <source>Move the selected layer towards the input.</source>
        <translation>Переместить выбранный слой ближе ко входу.</translation>
    </message>
    <message>
        <source>Move the selected layer towards the output.</source>
        <translation>Переместить выбранный слой ближе к выходу.</translation>
    </message>
    <message>
        <source>A single-layer network: lecture 000&apos;s perceptron. Add puts a hidden layer in.</source>
        <translation>Однослойная сеть — перцептрон из лекции 000. Кнопка «Добавить» вставляет скрытый слой.</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Нейроны</translation>
    </message>
    <message>
        <source>U&amp;nits</source>
        <translation>Ней&amp;роны</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Активация</translation>
    </message>
    <message>
        <source>Ac&amp;tivation</source>
        <translation>&amp;Активация</translation>
    </message>
    <message>
        <source>Weight initialiser</source>
        <translation>Инициализация весов</translation>
    </message>
    <message>
        <source>&amp;Initialiser</source>
        <translation>&amp;Инициализация</translation>
    </message>
    <message>
        <source>&amp;Batch normalisation</source>
        <translation>&amp;Батч-нормализация</translation>
    </message>
    <message>
        <source>Batch normalisation</source>
        <translation>Батч-нормализация</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>Доля дропаута</translation>
    </message>
    <message>
        <source>Dr&amp;opout p</source>
        <translation>Др&amp;опаут p</translation>
    </message>
    <message>
        <source>Output layer and precision</source>
        <translation>Выходной слой и точность вычислений</translation>
    </message>
    <message>
        <source>Output initialiser</source>
        <translation>Инициализация выхода</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Точность вычислений</translation>
    </message>
    <message>
        <source>&amp;Precision</source>
        <translation>&amp;Точность вычислений</translation>
    </message>
    <message>
        <source>No hidden layer</source>
        <translation>Нет скрытых слоёв</translation>
    </message>
    <message>
        <source>Hidden layer %1</source>
        <translation>Скрытый слой %1</translation>
    </message>
    <message>
        <source>%1 in</source>
        <translation>%1 вх.</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>%1 вых.</translation>
    </message>
    <message>
        <source>parameters: — (the network is not built)</source>
        <translation>параметров: — (сеть не построена)</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>параметров: %1</translation>
    </message>
    <message>
        <source>Hidden layer %1, %2</source>
        <translation>Скрытый слой %1, %2</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Every weight and bias of the network, named by its layer and units: choose one and press Set… to give it a value by hand.</source>
        <translation>Все веса и смещения сети, названные по слою и нейронам: выберите один и нажмите «Задать…», чтобы задать его значение вручную.</translation>
    </message>
    <message>
        <source>Weight or bias to set</source>
        <translation>Вес или смещение для ввода</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>&amp;Вес:</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>Задать…</translation>
    </message>
    <message>
        <source>Open the box that sets the weight or bias chosen in the list.</source>
        <translation>Открыть окошко, которое задаёт вес или смещение, выбранное в списке.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Set the last weight set by hand back to the value it had before (Ctrl+Z).</source>
        <translation>Вернуть последнему весу, заданному вручную, значение, которое у него было до этого (Ctrl+Z).</translation>
    </message>
    <message>
        <source>data with at most {limit} features</source>
        <translation>данные не более чем с {limit} признаками</translation>
    </message>
    <message>
        <source>weight &gt; 0</source>
        <translation>вес &gt; 0</translation>
    </message>
    <message>
        <source>weight &lt; 0</source>
        <translation>вес &lt; 0</translation>
    </message>
    <message>
        <source>the larger |w|, the bolder; a unit&apos;s colour is its bias, in the same colours</source>
        <translation>чем больше |w|, тем ярче и толще; цвет нейрона — смещение в тех же цветах</translation>
    </message>
    <message>
        <source>Double-click a weight or a bias, or choose it in the list below, to set it by hand.</source>
        <translation>Дважды щёлкните вес или смещение или выберите его в списке ниже, чтобы задать его вручную.</translation>
    </message>
    <message>
        <source>A layer of this network has more than {limit} units: too many links to draw.</source>
        <translation>В одном из слоёв этой сети больше {limit} нейронов: слишком много связей, чтобы их нарисовать.</translation>
    </message>
    <message>
        <source>Layer {layer}, bias of unit {unit}</source>
        <translation>Слой {layer}, смещение нейрона {unit}</translation>
    </message>
    <message>
        <source>Layer {layer}, weight from input {source} to unit {unit}</source>
        <translation>Слой {layer}, вес от входа {source} к нейрону {unit}</translation>
    </message>
    <message>
        <source>Layer {layer}, weight from unit {source} to unit {unit}</source>
        <translation>Слой {layer}, вес от нейрона {source} к нейрону {unit}</translation>
    </message>
    <message>
        <source>The network is training: pause it, or wait for the run to end, to set its weights by hand.</source>
        <translation>Сеть обучается: чтобы задать её веса вручную, поставьте обучение на паузу или дождитесь его конца.</translation>
    </message>
    <message>
        <source>“{text}” is not a number: type one such as -20 or 0.5, then Enter (Esc closes this box).</source>
        <translation>«{text}» — не число: введите число, например -20 или 0,5, и нажмите Enter (Esc закрывает это окошко).</translation>
    </message>
    <message>
        <source>Type a number, then Enter (Esc closes this box).</source>
        <translation>Введите число и нажмите Enter (Esc закрывает это окошко).</translation>
    </message>
    <message>
        <source>A weight must be a finite number: type one between -{largest} and {largest}.</source>
        <translation>Вес должен быть конечным числом: введите число от -{largest} до {largest}.</translation>
    </message>
    <message>
        <source>{value} is too large for a weight set by hand: type a number between -{largest} and {largest}.</source>
        <translation>{value} — слишком большой вес для ручного ввода: введите число от -{largest} до {largest}.</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>слой</translation>
    </message>
    <message>
        <source>from unit (empty: bias)</source>
        <translation>от нейрона (пусто — смещение)</translation>
    </message>
    <message>
        <source>to unit</source>
        <translation>к нейрону</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>вес</translation>
    </message>
</context>
<context>
    <name>OSErrors</name>
    <message>
        <source>No such file or directory</source>
        <translation>нет такого файла или папки</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>нет прав доступа</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>операция не разрешена</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>на диске нет места</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>превышена дисковая квота</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>файловая система только для чтения</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>это папка</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>это не папка</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>слишком длинное имя файла</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>ошибка ввода-вывода</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>In configuration files: %1</source>
        <translation>В файлах конфигурации: %1</translation>
    </message>
    <message>
        <source>(no hyperparameters)</source>
        <translation>(нет гиперпараметров)</translation>
    </message>
</context>
<context>
    <name>PathEdit</name>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose the folder that holds the data set&apos;s files.</source>
        <translation>Выбрать папку с файлами набора данных.</translation>
    </message>
    <message>
        <source>Browse for the data folder</source>
        <translation>Выбрать папку данных</translation>
    </message>
    <message>
        <source>Choose the CSV file to learn from.</source>
        <translation>Выбрать файл CSV, на котором обучаться.</translation>
    </message>
    <message>
        <source>Browse for the CSV file</source>
        <translation>Выбрать файл CSV</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>Выберите папку с данными</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Выберите файл CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>PlaneView</name>
    <message>
        <source>Show &amp;test data</source>
        <translation>Показывать &amp;тестовые данные</translation>
    </message>
    <message>
        <source>training</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>training and validation (the same points)</source>
        <translation>обучение и валидация (одни и те же точки)</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>валидация</translation>
    </message>
    <message>
        <source>test</source>
        <translation>тест</translation>
    </message>
    <message>
        <source>{count} points are not drawn (at most {limit} per split).</source>
        <translation>{count} точек не нарисовано (не больше {limit} на выборку).</translation>
    </message>
    <message>
        <source>{feature} (original units)</source>
        <translation>{feature} (в исходных единицах)</translation>
    </message>
</context>
<context>
    <name>PlaygroundView</name>
    <message>
        <source>ill-conditioned quadratic</source>
        <translation>плохо обусловленная квадратичная</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>Розенброк</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Бил</translation>
    </message>
    <message>
        <source>Himmelblau</source>
        <translation>Химмельблау</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>седло</translation>
    </message>
    <message>
        <source>logistic regression (wine)</source>
        <translation>логистическая регрессия (вино)</translation>
    </message>
    <message>
        <source>E = ½(u² + κv²): a valley κ times steeper across than along, as when one input feature is √κ times larger than the other. Gradient descent needs η &lt; 2/κ and then zig-zags across the valley while it crawls along it.</source>
        <translation>E = ½(u² + κv²): овраг, поперёк которого склон в κ раз круче, чем вдоль, — как когда один входной признак в √κ раз больше другого. Градиентному спуску нужно η &lt; 2/κ, и тогда он мечется зигзагом поперёк оврага, медленно ползя вдоль него.</translation>
    </message>
    <message>
        <source>E = (1 − x)² + 100(y − x²)²: reaching the curved valley is easy, following its flat floor to the minimum at (1, 1) is not.</source>
        <translation>E = (1 − x)² + 100(y − x²)²: дойти до изогнутого оврага легко, а пройти по его плоскому дну до минимума в (1, 1) — нет.</translation>
    </message>
    <message>
        <source>Flat plateaus and steep ridges; the minimum is at (3, 0.5).</source>
        <translation>Плоские плато и крутые хребты; минимум в точке (3, 0.5).</translation>
    </message>
    <message>
        <source>Four minima of equal depth: the start decides which one a method finds. Newton&apos;s method may climb to the maximum in the middle.</source>
        <translation>Четыре минимума одинаковой глубины: какой из них найдёт метод, решает начальная точка. Метод Ньютона может забраться на максимум в середине.</translation>
    </message>
    <message>
        <source>E = ½x² − ½y² + ¼y⁴: a saddle point at the origin between minima at (0, ±1). Start on y = 0 and gradient descent stays on the ridge; Newton&apos;s method jumps into the saddle.</source>
        <translation>E = ½x² − ½y² + ¼y⁴: седловая точка в начале координат между минимумами в (0, ±1). Начните на y = 0 — и градиентный спуск останется на хребте; метод Ньютона прыгает в седло.</translation>
    </message>
    <message>
        <source>The log-loss of logistic regression with two weights (no bias) on lecture 001&apos;s wine data, alcohol and proline standardised: a long, gently sloping valley.</source>
        <translation>Логистические потери логистической регрессии с двумя весами (без смещения) на данных о вине из лекции 001, спирт и пролин стандартизованы: длинный пологий овраг.</translation>
    </message>
    <message>
        <source>Loss surfaces</source>
        <translation>Песочница</translation>
    </message>
    <message>
        <source>Loss per step</source>
        <translation>Потери по шагам</translation>
    </message>
    <message>
        <source>E − E_min</source>
        <translation>E − E_min</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Поверхность</translation>
    </message>
    <message>
        <source>The loss E(x, y) the methods descend: its formula and what it shows are written under it.</source>
        <translation>Функция потерь E(x, y), по которой спускаются методы: её формула и то, что она показывает, написаны под ней.</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>Поверхность потерь</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Потери</translation>
    </message>
    <message>
        <source>κ, the ratio of the steepest to the flattest curvature (1 = a round bowl).</source>
        <translation>κ — отношение наибольшей кривизны к наименьшей (1 — круглая чаша).</translation>
    </message>
    <message>
        <source>Condition number</source>
        <translation>Число обусловленности</translation>
    </message>
    <message>
        <source>Turns the valley off the axes: per-weight (adaptive) learning rates only straighten a valley that lies along an axis.</source>
        <translation>Поворачивает овраг относительно осей: собственные (адаптивные) скорости обучения для каждого веса выпрямляют только овраг, лежащий вдоль оси.</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Угол</translation>
    </message>
    <message>
        <source>Methods and their settings</source>
        <translation>Методы и их параметры</translation>
    </message>
    <message>
        <source>{method}: {symbol}</source>
        <translation>{method}: {symbol}</translation>
    </message>
    <message>
        <source>Save every optimiser&apos;s path as a CSV table: the method, each of its settings (η, γ, ρ…), and x, y and the loss at each step.</source>
        <translation>Сохранить путь каждого оптимизатора в таблицу CSV: метод, каждый его параметр (η, γ, ρ…), а также x, y и потери на каждом шаге.</translation>
    </message>
    <message>
        <source>{method}: {symbol} {problem}</source>
        <translation>{method}: {symbol} {problem}</translation>
    </message>
    <message>
        <source>Draw the path of {method} from the start point (untick to leave it out).</source>
        <translation>Рисовать путь метода {method} из начальной точки (снимите флажок, чтобы убрать его).</translation>
    </message>
    <message>
        <source>The learning rate η of {method} on this surface.</source>
        <translation>Скорость обучения η метода {method} на этой поверхности.</translation>
    </message>
    <message>
        <source>{method} learning rate</source>
        <translation>скорость обучения {method}</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>Анимация</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Пуск</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Заново</translation>
    </message>
    <message>
        <source>Move every ticked method on, step by step at the speed below; again to pause.</source>
        <translation>Двигать все отмеченные методы шаг за шагом со скоростью, заданной ниже; ещё раз — пауза.</translation>
    </message>
    <message>
        <source>One step of every ticked method.</source>
        <translation>Один шаг каждого отмеченного метода.</translation>
    </message>
    <message>
        <source>Every path back to the start point.</source>
        <translation>Вернуть все пути в начальную точку.</translation>
    </message>
    <message>
        <source>How many steps a second the animation takes.</source>
        <translation>Сколько шагов в секунду делает анимация.</translation>
    </message>
    <message>
        <source>Animation speed</source>
        <translation>Скорость анимации</translation>
    </message>
    <message>
        <source>Export paths…</source>
        <translation>Экспорт траекторий…</translation>
    </message>
    <message>
        <source>Paths (*.csv)</source>
        <translation>Траектории (*.csv)</translation>
    </message>
    <message>
        <source>κ = {value}</source>
        <translation>κ = {value}</translation>
    </message>
    <message>
        <source>angle {value}°</source>
        <translation>угол {value}°</translation>
    </message>
    <message>
        <source>Start ({x}, {y}). Click the contour plot to move it.</source>
        <translation>Начало ({x}; {y}). Щёлкните по линиям уровня, чтобы перенести его.</translation>
    </message>
    <message>
        <source>{speed} steps/s</source>
        <translation>{speed} шагов/с</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>шаг {step}</translation>
    </message>
    <message>
        <source>Tick a method to draw its path from the start point.</source>
        <translation>Отметьте метод, чтобы нарисовать его путь из начальной точки.</translation>
    </message>
    <message>
        <source>{method}: diverged at step {step}: the learning rate {lr} is too large here</source>
        <translation>{method}: разошёлся на шаге {step}: скорость обучения {lr} здесь слишком велика</translation>
    </message>
    <message>
        <source>{method}: stopped at step {step}: the Hessian has no inverse there, so Newton&apos;s step −H⁻¹∇E is undefined</source>
        <translation>{method}: остановлен на шаге {step}: гессиан здесь необратим, и шаг Ньютона −H⁻¹∇E не определён</translation>
    </message>
    <message>
        <source>There is nothing to export yet: tick a method to draw its path.</source>
        <translation>Экспортировать пока нечего: отметьте метод, чтобы нарисовать его путь.</translation>
    </message>
    <message>
        <source>method</source>
        <translation>метод</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>Параметры графика</translation>
    </message>
</context>
<context>
    <name>PredictionSurfaceView</name>
    <message>
        <source>Prediction surface</source>
        <translation>Поверхность предсказания</translation>
    </message>
    <message>
        <source>Draw the test examples too, as rings in the colour of their target: examples the network is neither trained nor validated on.</source>
        <translation>Показать и тестовые примеры — кольцами цвета их целевого значения: на них сеть не обучается и не проходит валидацию.</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>Показать тестовые данные</translation>
    </message>
    <message>
        <source>regression data with two features and one target</source>
        <translation>данные регрессии с двумя признаками и одним целевым значением</translation>
    </message>
    <message>
        <source>Predicted value (surface) and target (points)</source>
        <translation>Предсказание (поверхность) и цель (точки)</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <source>predicted value (original units)</source>
        <translation>предсказанное значение (в исходных единицах)</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>must be a number</source>
        <translation>должно быть числом</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>должно быть конечным числом</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>должно быть целым числом</translation>
    </message>
    <message>
        <source>must be &gt; %1</source>
        <translation>должно быть &gt; %1</translation>
    </message>
    <message>
        <source>must be ≥ %1</source>
        <translation>должно быть ≥ %1</translation>
    </message>
    <message>
        <source>must be &lt; %1</source>
        <translation>должно быть &lt; %1</translation>
    </message>
    <message>
        <source>must be ≤ %1</source>
        <translation>должно быть ≤ %1</translation>
    </message>
    <message>
        <source>must be a pair (%1)</source>
        <translation>должно быть парой (%1)</translation>
    </message>
    <message>
        <source>takes only the hyperparameters %1</source>
        <translation>принимает только гиперпараметры %1</translation>
    </message>
    <message>
        <source>takes no hyperparameters</source>
        <translation>не принимает гиперпараметров</translation>
    </message>
    <message>
        <source>choose one of: %1</source>
        <translation>выберите одно из: %1</translation>
    </message>
    <message>
        <source>must be a text</source>
        <translation>должно быть текстом</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>должно быть true или false</translation>
    </message>
    <message>
        <source>choose float32 or float64</source>
        <translation>выберите float32 или float64</translation>
    </message>
    <message>
        <source>choose step or epoch</source>
        <translation>выберите step или epoch</translation>
    </message>
    <message>
        <source>must be an object of hyperparameters</source>
        <translation>должно быть объектом с гиперпараметрами</translation>
    </message>
    <message>
        <source>must be an object of the data set&apos;s options</source>
        <translation>должно быть объектом с параметрами набора данных</translation>
    </message>
    <message>
        <source>must be an object of strengths</source>
        <translation>должно быть объектом с силами аугментаций</translation>
    </message>
    <message>
        <source>must be a list of layers</source>
        <translation>должно быть списком слоёв</translation>
    </message>
    <message>
        <source>must be an object {…}</source>
        <translation>должно быть объектом {…}</translation>
    </message>
    <message>
        <source>at most %1 hidden layers (the views draw every layer)</source>
        <translation>не больше %1 скрытых слоёв (виды рисуют каждый слой)</translation>
    </message>
    <message>
        <source>lr0 comes from the optimiser&apos;s lr; remove it</source>
        <translation>lr0 берётся из lr оптимизатора; удалите его</translation>
    </message>
    <message>
        <source>batch normalisation needs batches of at least 2 examples (it divides by their spread); raise the batch size or switch batch norm off</source>
        <translation>батч-нормализации нужны батчи хотя бы из 2 примеров (она делит на их разброс); увеличьте размер батча или выключите батч-нормализацию</translation>
    </message>
    <message>
        <source>choose a file</source>
        <translation>выберите файл</translation>
    </message>
    <message>
        <source>choose a folder</source>
        <translation>выберите папку</translation>
    </message>
    <message>
        <source>must be ticked or unticked</source>
        <translation>флажок должен быть установлен или снят</translation>
    </message>
    <message>
        <source>%1 %2, got %3</source>
        <translation>%1: %2, введено %3</translation>
    </message>
    <message>
        <source>%1, got %2</source>
        <translation>%1, введено %2</translation>
    </message>
    <message>
        <source>%1 was written by a newer MLP Workbench (configuration version %2; this one reads up to %3): open it with that version, or update this one</source>
        <translation>%1 записан более новой версией MLP Workbench (версия конфигурации %2; эта читает версии до %3): откройте его в ней или обновите эту</translation>
    </message>
    <message>
        <source>its configuration was written by a newer MLP Workbench (version %2; this one reads up to %3): open it with that version, or update this one</source>
        <translation>её конфигурация записана более новой версией MLP Workbench (версия %2; эта читает версии до %3): откройте её в ней или обновите эту</translation>
    </message>
    <message>
        <source>unknown field %1; allowed fields: %2</source>
        <translation>неизвестное поле %1; допустимые поля: %2</translation>
    </message>
    <message>
        <source>a run configuration must be a JSON object {…}, got %1</source>
        <translation>конфигурация запуска должна быть объектом JSON {…}, а здесь %1</translation>
    </message>
    <message>
        <source>invalid run configuration:</source>
        <translation>недопустимая конфигурация запуска:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
    <message>
        <source>Detailed View</source>
        <translation>Подробный вид</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>Forget the files listed here (the files themselves stay)</source>
        <translation>Забыть перечисленные здесь файлы (сами файлы останутся)</translation>
    </message>
    <message>
        <source>Open the model %1 from the folder %2</source>
        <translation>Открыть модель %1 из папки %2</translation>
    </message>
    <message>
        <source>Open the configuration %1 from the folder %2</source>
        <translation>Открыть конфигурацию %1 из папки %2</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>as installed here</source>
        <translation>как установлена здесь</translation>
    </message>
    <message>
        <source>another: %1</source>
        <translation>другая: %1</translation>
    </message>
    <message>
        <source>another (its goal differs)</source>
        <translation>другая (у неё другая цель)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>не записана</translation>
    </message>
    <message>
        <source>no goal</source>
        <translation>цели нет</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>файл не читается (%1)</translation>
    </message>
    <message>
        <source>not a JSON file</source>
        <translation>это не файл JSON</translation>
    </message>
    <message>
        <source>not an MLP Workbench lab result</source>
        <translation>это не результат лабораторной работы MLP Workbench</translation>
    </message>
    <message>
        <source>written by another version of MLP Workbench (result version %1)</source>
        <translation>записан другой версией MLP Workbench (версия результата %1)</translation>
    </message>
    <message>
        <source>an incomplete lab result (missing or malformed: %1)</source>
        <translation>неполный результат лабораторной работы (нет или неверно: %1)</translation>
    </message>
    <message>
        <source>an invalid lab result (%1)</source>
        <translation>неверный результат лабораторной работы (%1)</translation>
    </message>
    <message>
        <source>not checked: lab not installed here</source>
        <translation>не проверено: лабораторная не установлена здесь</translation>
    </message>
    <message>
        <source>not checked: variant not in the installed lab</source>
        <translation>не проверено: варианта нет в установленной лабораторной</translation>
    </message>
    <message>
        <source>Collect results</source>
        <translation>Сбор результатов</translation>
    </message>
    <message>
        <source>Choose the folder where the students&apos; result files were gathered (Labs ▸ Export my result writes one file per student).</source>
        <translation>Выберите папку, куда собраны файлы результатов студентов (Лабораторные ▸ Экспорт моего результата записывает по одному файлу на студента).</translation>
    </message>
    <message>
        <source>The folder of the students&apos; result files; Enter reads it.</source>
        <translation>Папка с файлами результатов студентов; Enter читает её.</translation>
    </message>
    <message>
        <source>Results folder</source>
        <translation>Папка результатов</translation>
    </message>
    <message>
        <source>Folder of result files</source>
        <translation>Папка с файлами результатов</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Choose the folder of the result files, and read it.</source>
        <translation>Выбрать папку с файлами результатов и прочитать её.</translation>
    </message>
    <message>
        <source>Choose the results folder</source>
        <translation>Выбрать папку результатов</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Прочитать</translation>
    </message>
    <message>
        <source>Read every result file of the folder into the table (again: files added since are read too).</source>
        <translation>Прочитать все файлы результатов из папки в таблицу (снова: добавленные с тех пор файлы тоже читаются).</translation>
    </message>
    <message>
        <source>Read the results folder</source>
        <translation>Прочитать папку результатов</translation>
    </message>
    <message>
        <source>Students&apos; results</source>
        <translation>Результаты студентов</translation>
    </message>
    <message>
        <source>Summary of the results</source>
        <translation>Сводка результатов</translation>
    </message>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Сохранить в CSV…</translation>
    </message>
    <message>
        <source>Save the table as a CSV file, for a spreadsheet.</source>
        <translation>Сохранить таблицу в файл CSV, для электронной таблицы.</translation>
    </message>
    <message>
        <source>Save the table as CSV</source>
        <translation>Сохранить таблицу в CSV</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Студент</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Лабораторная</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Вариант</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <source>Goal met</source>
        <translation>Цель достигнута</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Последний</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Locked settings changed</source>
        <translation>Фиксированные настройки изменены</translation>
    </message>
    <message>
        <source>Lab version</source>
        <translation>Версия лабораторной</translation>
    </message>
    <message>
        <source>Weights set by hand</source>
        <translation>Весов задано вручную</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Choose the folder of the result files (Browse…).</source>
        <translation>Выберите папку с файлами результатов (Обзор…).</translation>
    </message>
    <message>
        <source>“%1” is not a folder.</source>
        <translation>«%1» — не папка.</translation>
    </message>
    <message>
        <source>Could not read the folder “%1”: %2</source>
        <translation>Не удалось прочитать папку «%1»: %2</translation>
    </message>
    <message>
        <source>%1 results; %2 reached their goal.</source>
        <translation>Результатов: %1; цели достигли: %2.</translation>
    </message>
    <message>
        <source>%1 results; %2 of them have a goal, and %3 reached it.</source>
        <translation>Результатов: %1, из них с целью: %2; цели достигли: %3.</translation>
    </message>
    <message>
        <source>%1 results, none with a goal to reach.</source>
        <translation>Результатов: %1, ни у одного нет цели.</translation>
    </message>
    <message>
        <source>Results replaced by a later export of the same student (the same name in the same folder) and lab variant: %1 (greyed out, not counted).</source>
        <translation>Результатов, заменённых более поздним экспортом того же студента (то же имя в той же папке) и варианта работы: %1 (показаны серым, не учитываются).</translation>
    </message>
    <message>
        <source>Goals not checked, of a lab or variant not installed here: %1 (not counted as reached).</source>
        <translation>Цели не проверены (лабораторная или вариант не установлены здесь): %1 (не засчитаны как достигнутые).</translation>
    </message>
    <message>
        <source>To check them, collect the results with the lab pack the students used (MLP_WORKBENCH_DATA pointing at it).</source>
        <translation>Чтобы проверить их, собирайте результаты с лабораторным пакетом, который был у студентов (MLP_WORKBENCH_DATA указывает на него).</translation>
    </message>
    <message>
        <source>Goals judged by the lab as installed here, not as the file says (edited?): %1.</source>
        <translation>Цели оценены по лабораторной работе, установленной здесь, а не так, как записано в файле (файл правили?): %1.</translation>
    </message>
    <message>
        <source>Other .json files, not lab results: %1.</source>
        <translation>Других файлов .json, не результатов лабораторных: %1.</translation>
    </message>
    <message>
        <source>Not read:</source>
        <translation>Не прочитаны:</translation>
    </message>
    <message>
        <source>… and %1 more (see the tooltip).</source>
        <translation>… и ещё %1 (см. всплывающую подсказку).</translation>
    </message>
    <message>
        <source>Made with another version of the lab (its settings, locks, variants or goal differ from the lab installed here): %1.</source>
        <translation>Сделаны с другой версией лабораторной работы (её настройки, фиксированные настройки, варианты или цель отличаются от установленной здесь): %1.</translation>
    </message>
    <message>
        <source>Made with another version of the lab (its goal differs from the one installed here): %1.</source>
        <translation>Сделаны с другой версией лабораторной работы (её цель отличается от установленной здесь): %1.</translation>
    </message>
    <message>
        <source>Their goals were judged by the lab installed here; to judge them as the students saw them, collect the results with the lab pack the students used (MLP_WORKBENCH_DATA pointing at it).</source>
        <translation>Их цели оценены по лабораторной, установленной здесь; чтобы оценить их так, как видели студенты, собирайте результаты с лабораторным пакетом, который был у студентов (MLP_WORKBENCH_DATA указывает на него).</translation>
    </message>
    <message>
        <source>The file says: %1</source>
        <translation>В файле записано: %1</translation>
    </message>
    <message>
        <source>The goal its file records; %1</source>
        <translation>Цель, записанная в файле; %1</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Сохранить результаты</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Не удалось сохранить %1: %2</translation>
    </message>
    <message>
        <source>Saved the table to %1.</source>
        <translation>Таблица сохранена в %1.</translation>
    </message>
</context>
<context>
    <name>RunLibrary</name>
    <message>
        <source>%1 (scaled targets)</source>
        <translation>%1 (масштабированная цель)</translation>
    </message>
    <message>
        <source>{widths} ({count} layer(s)), {loss}</source>
        <translation>{widths} (слоёв: {count}), {loss}</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 — такого файла нет</translation>
    </message>
    <message>
        <source>%1 is not a readable model file (truncated or damaged?)</source>
        <translation>%1 — не читаемый файл модели (обрезан или повреждён?)</translation>
    </message>
    <message>
        <source>%1 is not an MLP Workbench model file</source>
        <translation>%1 — не файл модели MLP Workbench</translation>
    </message>
    <message>
        <source>%1 was written by a newer MLP Workbench (model version %2): open it with that version</source>
        <translation>%1 записан более новой версией MLP Workbench (версия модели %2): откройте его в ней</translation>
    </message>
    <message>
        <source>%1 is damaged (%2)</source>
        <translation>%1 повреждён (%2)</translation>
    </message>
    <message>
        <source>%1 holds weights that are not finite numbers (NaN or ∞) in %2: the run that saved them had diverged</source>
        <translation>%1 содержит веса, не являющиеся конечными числами (NaN или ∞), в %2: запуск, сохранивший их, разошёлся</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>validation loss</source>
        <translation>потери на валидации</translation>
    </message>
    <message>
        <source>validation accuracy (or R²)</source>
        <translation>точность на валидации (или R²)</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>потери на обучении</translation>
    </message>
    <message>
        <source>training accuracy (or R²)</source>
        <translation>точность на обучении (или R²)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>идёт</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>ранняя остановка</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлено</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>разошлось</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>прерван</translation>
    </message>
    <message>
        <source>saving stopped</source>
        <translation>сохранение прервано</translation>
    </message>
    <message>
        <source>weights set by hand</source>
        <translation>веса заданы вручную</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>Rename the selected run</source>
        <translation>Переименовать выбранный запуск</translation>
    </message>
    <message>
        <source>Bring back the runs just deleted</source>
        <translation>Вернуть только что удалённые запуски</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>Best val. metric</source>
        <translation>Лучшая метрика на вал.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начат</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Branched from</source>
        <translation>Ответвлён от</translation>
    </message>
    <message>
        <source>Saved runs</source>
        <translation>Сохранённые запуски</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Reopen the run: its settings in the panels, its curves in the views, its last weights in the network (double-click does the same)</source>
        <translation>Открыть запуск снова: его настройки — в панелях, кривые — в видах, последние веса — в сети (то же делает двойной щелчок)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>Rename the selected run (F2)</source>
        <translation>Переименовать выбранный запуск (F2)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Move the selected runs to the library&apos;s trash (Undo brings them back)</source>
        <translation>Переместить выбранные запуски в корзину библиотеки («Отменить» вернёт их)</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Контрольная точка</translation>
    </message>
    <message>
        <source>The epochs of the selected run whose weights were saved: the one Rewind to checkpoint loads</source>
        <translation>Эпохи выбранного запуска, веса которых сохранены: ту, что выбрана, загружает «Вернуться к контрольной точке»</translation>
    </message>
    <message>
        <source>Rewind to checkpoint</source>
        <translation>Вернуться к контрольной точке</translation>
    </message>
    <message>
        <source>Load the run&apos;s weights at this checkpoint; change any training setting, then Start trains a new run branched from it</source>
        <translation>Загрузить веса запуска в этой контрольной точке; измените любую настройку обучения — и «Обучить» начнёт новый запуск, ответвлённый от неё</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>Контрольная точка:</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Bring back the runs just deleted (Ctrl+Z)</source>
        <translation>Вернуть только что удалённые запуски (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Curve to overlay</source>
        <translation>Кривая для наложения</translation>
    </message>
    <message>
        <source>Which curve of the selected runs the plot below draws, one line per run</source>
        <translation>Какую кривую выбранных запусков рисует график ниже, по линии на запуск</translation>
    </message>
    <message>
        <source>Overlay the selected runs:</source>
        <translation>Наложить выбранные запуски:</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>эпоха</translation>
    </message>
    <message>
        <source>Not listed, as their files cannot be read: %1</source>
        <translation>Не показаны, их файлы не читаются: %1</translation>
    </message>
    <message>
        <source>The window&apos;s current run — %1</source>
        <translation>Текущий запуск окна — %1</translation>
    </message>
    <message>
        <source>No saved runs yet: every run you train is saved here automatically.</source>
        <translation>Сохранённых запусков пока нет: каждый запуск, который вы обучаете, сохраняется здесь автоматически.</translation>
    </message>
    <message>
        <source>No saved runs yet</source>
        <translation>Сохранённых запусков пока нет</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (удалён)</translation>
    </message>
    <message>
        <source>%1 at epoch %2</source>
        <translation>%1 на эпохе %2</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>эпоха %1</translation>
    </message>
    <message>
        <source>Could not rename the run: %1</source>
        <translation>Не удалось переименовать запуск: %1</translation>
    </message>
    <message>
        <source>“%1” is the window&apos;s current run and is still saved as it trains: open or reset another run before deleting it.</source>
        <translation>«%1» — текущий запуск окна, и он сохраняется по ходу обучения: прежде чем удалять его, откройте другой запуск или сбросьте этот.</translation>
    </message>
    <message>
        <source>“%1” is still being saved: try again in a moment.</source>
        <translation>«%1» всё ещё сохраняется: попробуйте снова через несколько секунд.</translation>
    </message>
    <message>
        <source>Could not delete the run: %1</source>
        <translation>Не удалось удалить запуск: %1</translation>
    </message>
    <message>
        <source>Deleted %1 runs.</source>
        <translation>Удалено запусков: %1.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>Удалён «%1».</translation>
    </message>
    <message>
        <source>Could not restore the run: %1</source>
        <translation>Не удалось восстановить запуск: %1</translation>
    </message>
    <message>
        <source>No curves to show for %1: the history has not been saved yet or cannot be read.</source>
        <translation>Нет кривых для %1: история ещё не сохранена или не читается.</translation>
    </message>
    <message>
        <source>Select runs in the list above (Ctrl or Shift for several) to draw their curves here</source>
        <translation>Выберите запуски в списке выше (несколько — с Ctrl или Shift), чтобы нарисовать здесь их кривые</translation>
    </message>
    <message>
        <source>run</source>
        <translation>запуск</translation>
    </message>
</context>
<context>
    <name>SettingsSuggester</name>
    <message>
        <source>&amp;Keep my settings</source>
        <translation>&amp;Оставить мои настройки</translation>
    </message>
    <message>
        <source>Put back the settings that those suggested for the data set replaced</source>
        <translation>Вернуть настройки, которые заменили предложенные для набора данных</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>без скрытых слоёв</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hidden layer(s) of %1 %2 units</source>
        <translation>
            <numerusform>%Ln скрытый слой из %1 нейронов %2</numerusform>
            <numerusform>%Ln скрытых слоя из %1 нейронов %2</numerusform>
            <numerusform>%Ln скрытых слоёв из %1 нейронов %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the loss “%1”</source>
        <translation>функция потерь «%1»</translation>
    </message>
    <message>
        <source>%1 with η = %2</source>
        <translation>%1 с η = %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln epoch(s)</source>
        <translation>
            <numerusform>%Ln эпоха</numerusform>
            <numerusform>%Ln эпохи</numerusform>
            <numerusform>%Ln эпох</numerusform>
        </translation>
    </message>
    <message>
        <source>batches of %1</source>
        <translation>батчи по %1</translation>
    </message>
    <message>
        <source>Settings suggested for “%1”: %2.</source>
        <translation>Для набора «%1» предложены настройки: %2.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>%1 view</source>
        <translation>Вкладка «%1»</translation>
    </message>
</context>
<context>
    <name>SplitProblems</name>
    <message>
        <source>the test set</source>
        <translation>на тестовую выборку</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>на валидацию</translation>
    </message>
    <message>
        <source>one of the two parts would be empty</source>
        <translation>одна из двух частей оказалась бы пустой</translation>
    </message>
    <message>
        <source>class {label} has a single example, and every class needs one in each part (if the labels are measurements rather than classes, choose the task “regression”)</source>
        <translation>в классе {label} всего один пример, а каждому классу нужен пример в каждой части (если метки — это измерения, а не классы, выберите задачу «регрессия»)</translation>
    </message>
    <message>
        <source>parts of {taken} and {kept} examples cannot each hold all {classes} classes</source>
        <translation>части из {taken} и {kept} примеров не могут каждая вместить все классы (классов: {classes})</translation>
    </message>
    <message>
        <source>Set “Test split” to 0 (no test set), or give the data more examples.</source>
        <translation>Поставьте 0 в поле «Доля теста» (без тестовой выборки) или добавьте в данные больше примеров.</translation>
    </message>
    <message>
        <source>Set “Validation split” to 0 (no validation data), or give the data more examples.</source>
        <translation>Поставьте 0 в поле «Доля валидации» (без валидационных данных) или добавьте в данные больше примеров.</translation>
    </message>
    <message>
        <source>Raise “Training examples at most”, or set it to all.</source>
        <translation>Увеличьте «Не больше примеров» или выберите «все».</translation>
    </message>
    <message>
        <source>“{data}” cannot be cut down to {count} training example(s): {reason}.</source>
        <translation>«{data}» нельзя сократить до такого числа обучающих примеров ({count}): {reason}.</translation>
    </message>
    <message>
        <source>“{data}” is too small to take {size} of its {n} examples off for {part}: {reason}.</source>
        <translation>«{data}» слишком мал, чтобы отделить {size} из {n} примеров {part}: {reason}.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>&amp;Start page</source>
        <translation>&amp;Стартовая страница</translation>
    </message>
    <message>
        <source>Show the start page: first steps, the labs and recent runs</source>
        <translation>Показать стартовую страницу: первые шаги, лабораторные работы и недавние запуски</translation>
    </message>
    <message>
        <source>MLP Workbench</source>
        <translation>MLP Workbench</translation>
    </message>
    <message>
        <source>Build, train and look inside multilayer perceptrons, following the lectures.</source>
        <translation>Собирайте, обучайте и заглядывайте внутрь многослойных перцептронов — вслед за лекциями.</translation>
    </message>
    <message>
        <source>Show the views</source>
        <translation>Перейти к видам</translation>
    </message>
    <message>
        <source>Hide this page and show the live views (View ▸ Start page brings it back)</source>
        <translation>Скрыть эту страницу и показать виды обучения (Вид ▸ Стартовая страница вернёт её)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало работы</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Нарисовать цифру</translation>
    </message>
    <message>
        <source>Draw with the mouse and watch a network trained on MNIST classify it</source>
        <translation>Рисуйте мышью и смотрите, как сеть, обученная на MNIST, распознаёт рисунок</translation>
    </message>
    <message>
        <source>Go to the Draw view: it classifies your drawing with the model of digits trained or loaded, else with the shipped model, offline</source>
        <translation>Перейти к виду «Рисование»: рисунок распознаёт обученная или открытая модель цифр, а без неё — встроенная модель, без интернета</translation>
    </message>
    <message>
        <source>Train on the 8×8 digits</source>
        <translation>Обучить на цифрах 8×8</translation>
    </message>
    <message>
        <source>The default run: a small ReLU network learns the digits in seconds</source>
        <translation>Запуск по умолчанию: небольшая сеть с ReLU выучивает цифры за секунды</translation>
    </message>
    <message>
        <source>Open the default run (8×8 digits, one hidden ReLU layer) and start training it</source>
        <translation>Открыть запуск по умолчанию (цифры 8×8, один скрытый слой ReLU) и начать обучение</translation>
    </message>
    <message>
        <source>Compare optimisers</source>
        <translation>Сравнить оптимизаторы</translation>
    </message>
    <message>
        <source>Race SGD, momentum, Adam… from the same weights on the same batches</source>
        <translation>Гонка SGD, метода моментов, Adam… с одних и тех же весов на одних и тех же батчах</translation>
    </message>
    <message>
        <source>Go to the Compare optimisers view</source>
        <translation>Перейти к виду «Сравнение оптимизаторов»</translation>
    </message>
    <message>
        <source>Open configuration…</source>
        <translation>Открыть конфигурацию…</translation>
    </message>
    <message>
        <source>A run configuration saved as JSON</source>
        <translation>Конфигурация запуска, сохранённая в JSON</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>Открыть модель…</translation>
    </message>
    <message>
        <source>A saved model, or a run&apos;s best.npz: the Draw view classifies with it</source>
        <translation>Сохранённая модель или лучшие веса запуска (.npz): с ней распознаёт вид «Рисование»</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Недавние запуски</translation>
    </message>
    <message>
        <source>No saved runs yet: every training run is saved, and listed here.</source>
        <translation>Сохранённых запусков пока нет: каждый запуск обучения сохраняется и появится здесь.</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>Лабораторные работы</translation>
    </message>
    <message>
        <source>Open lab %1: its settings, its views and its task sheet in the Lesson panel, as the Labs menu does</source>
        <translation>Открыть лабораторную %1: её настройки, виды и задание на панели «Занятие», как из меню «Лабораторные»</translation>
    </message>
    <message>
        <source>Show this page at startup</source>
        <translation>Показывать эту страницу при запуске</translation>
    </message>
    <message>
        <source>Open the window on this page; otherwise it opens on the views (View ▸ Start page shows this page at any time)</source>
        <translation>Открывать окно на этой странице; иначе оно открывается на видах обучения (Вид ▸ Стартовая страница покажет её в любой момент)</translation>
    </message>
    <message>
        <source>%1 · network %2 · %3 epochs · %4</source>
        <translation>%1 · сеть %2 · эпох: %3 · %4</translation>
    </message>
    <message>
        <source>Reopen this run: its settings, its curves and its last weights, as the Runs view does</source>
        <translation>Снова открыть этот запуск: его настройки, кривые и последние веса, как из вида «Запуски»</translation>
    </message>
    <message>
        <source>This tool failed to start: its tab says why.</source>
        <translation>Этот инструмент не запустился: причина — на его вкладке.</translation>
    </message>
    <message>
        <source>8×8 digits</source>
        <translation>Цифры 8×8</translation>
    </message>
    <message>
        <source>Training the 8×8 digits stops the current run. Continue?</source>
        <translation>Обучение на цифрах 8×8 останавливает текущий запуск. Продолжить?</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Loss</source>
        <translation>Функция потерь</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>Расписание скорости обучения</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>L&amp;oss</source>
        <translation>Функция &amp;потерь</translation>
    </message>
    <message>
        <source>O&amp;ptimiser</source>
        <translation>&amp;Оптимизатор</translation>
    </message>
    <message>
        <source>S&amp;chedule</source>
        <translation>Расп&amp;исание</translation>
    </message>
    <message>
        <source>Schedule unit</source>
        <translation>Единица расписания</translation>
    </message>
    <message>
        <source>t counts</source>
        <translation>t считает</translation>
    </message>
    <message>
        <source>The learning rate η(t) at every step (or epoch) of the planned run. The optimiser&apos;s lr is η₀. When the network has trained already, the part trained is shaded: Start goes on from the line.</source>
        <translation>Скорость обучения η(t) на каждом шаге (или эпохе) запланированного запуска. lr оптимизатора — это η₀. Если сеть уже обучалась, обученная часть затенена: «Обучить» продолжит от линии.</translation>
    </message>
    <message>
        <source>Schedule preview</source>
        <translation>Просмотр расписания</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>Регуляризация</translation>
    </message>
    <message>
        <source>L&amp;1 λ₁</source>
        <translation>L&amp;1 λ₁</translation>
    </message>
    <message>
        <source>L&amp;2 λ₂</source>
        <translation>L&amp;2 λ₂</translation>
    </message>
    <message>
        <source>Also penalise &amp;biases</source>
        <translation>Штрафовать и с&amp;мещения</translation>
    </message>
    <message>
        <source>Penalise biases</source>
        <translation>Штрафовать смещения</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>&amp;Эпохи</translation>
    </message>
    <message>
        <source>Batch si&amp;ze</source>
        <translation>Размер &amp;батча</translation>
    </message>
    <message>
        <source>See&amp;d</source>
        <translation>Зе&amp;рно</translation>
    </message>
    <message>
        <source>Earl&amp;y stopping after</source>
        <translation>Ранняя ост&amp;ановка через</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> эпох</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Ранняя остановка</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>Терпение ранней остановки</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>эпоха</translation>
    </message>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
</context>
<context>
    <name>UnitImageView</name>
    <message>
        <source>First-layer weights</source>
        <translation>Веса первого слоя</translation>
    </message>
    <message>
        <source>image data</source>
        <translation>данные-изображения</translation>
    </message>
    <message>
        <source>The {count} units of the first layer</source>
        <translation>Нейроны первого слоя ({count})</translation>
    </message>
    <message>
        <source>The first {count} of the {total} units of the first layer</source>
        <translation>Первые {count} из {total} нейронов первого слоя</translation>
    </message>
    <message>
        <source>, each scaled to its own largest weight</source>
        <translation>, каждый в масштабе своего наибольшего веса</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>нейрон</translation>
    </message>
    <message>
        <source>pixel row</source>
        <translation>строка пикселей</translation>
    </message>
    <message>
        <source>pixel column</source>
        <translation>столбец пикселей</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>вес</translation>
    </message>
</context>
<context>
    <name>UnitMapView</name>
    <message>
        <source>Neurons</source>
        <translation>Карты нейронов</translation>
    </message>
    <message>
        <source>positive output</source>
        <translation>положительный выход</translation>
    </message>
    <message>
        <source>negative output</source>
        <translation>отрицательный выход</translation>
    </message>
    <message>
        <source>data with two features</source>
        <translation>данные с двумя признаками</translation>
    </message>
    <message>
        <source>What each unit computes over the plane</source>
        <translation>Что вычисляет каждый нейрон на плоскости признаков</translation>
    </message>
    <message>
        <source>This network has no hidden layers: each output is a function of one weighted sum of its inputs, so its boundary is straight in them.</source>
        <translation>У этой сети нет скрытых слоёв: каждый выход — функция одной взвешенной суммы её входов, поэтому граница в них прямая.</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>входы</translation>
    </message>
    <message>
        <source>output</source>
        <translation>выход</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>слой %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s)</source>
        <translation>
            <numerusform>%Ln нейрон</numerusform>
            <numerusform>%Ln нейрона</numerusform>
            <numerusform>%Ln нейронов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %1 of %Ln unit(s)</source>
        <translation>
            <numerusform>первые %1 из %Ln нейрона</numerusform>
            <numerusform>первые %1 из %Ln нейронов</numerusform>
            <numerusform>первые %1 из %Ln нейронов</numerusform>
        </translation>
    </message>
    <message>
        <source>layer</source>
        <translation>слой</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>нейрон</translation>
    </message>
</context>
<context>
    <name>VariantsView</name>
    <message>
        <source>epochs</source>
        <translation>эпохи</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>шаги</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>просмотрено примеров</translation>
    </message>
    <message>
        <source>seconds since the variant started</source>
        <translation>секунды от начала варианта</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ждёт</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>обучается…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>пауза</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>не запускался</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>завершено</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>ранняя остановка</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлено</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>разошлось</translation>
    </message>
    <message>
        <source>Lab variants</source>
        <translation>Варианты лабораторной</translation>
    </message>
    <message>
        <source>Training loss (smoothed)</source>
        <translation>Потери на обучении (сглаженные)</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Потери на валидации</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Скорость обучения η</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>потери</translation>
    </message>
    <message>
        <source>Each variant trains from its own start with the lab&apos;s configuration, one after another. The window&apos;s own run is not affected.</source>
        <translation>Варианты обучаются один за другим, каждый со своего начала и с конфигурацией лабораторной. Обучение в главном окне это не затрагивает.</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>Tick the variants to train in the next run; each is drawn in the colour of its square.</source>
        <translation>Отметьте варианты, которые обучить при следующем запуске; каждый рисуется цветом своего квадратика.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>as in the lab</source>
        <translation>как в лабораторной</translation>
    </message>
    <message>
        <source>Train each variant at most this many epochs; “as in the lab” trains each for the epochs its configuration sets.</source>
        <translation>Обучать каждый вариант не больше стольких эпох; «как в лабораторной» — столько эпох, сколько задано в его конфигурации.</translation>
    </message>
    <message>
        <source>Epochs at most</source>
        <translation>Эпох не больше</translation>
    </message>
    <message>
        <source>Run all variants</source>
        <translation>Обучить все варианты</translation>
    </message>
    <message>
        <source>Train every ticked variant, one after another; the previous curves are cleared.</source>
        <translation>Обучить все отмеченные варианты один за другим; прежние кривые стираются.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Hold the variant being trained between two batches, or let it go on.</source>
        <translation>Приостановить обучаемый вариант между двумя батчами или продолжить его обучение.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>End the variant being trained at its next batch; the variants after it are not run. The curves stay.</source>
        <translation>Завершить обучаемый вариант на следующем батче; варианты после него не запускаются. Кривые остаются.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Отображение</translation>
    </message>
    <message>
        <source>Against epochs, optimiser steps, training examples seen (batches of different sizes compared fairly) or each variant&apos;s own seconds.</source>
        <translation>По эпохам, шагам оптимизатора, числу просмотренных обучающих примеров (честное сравнение батчей разного размера) или по собственным секундам каждого варианта.</translation>
    </message>
    <message>
        <source>x-axis</source>
        <translation>ось x</translation>
    </message>
    <message>
        <source>logarithmic loss axis</source>
        <translation>логарифмическая ось потерь</translation>
    </message>
    <message>
        <source>Draw the losses on a logarithmic scale, where slow late progress stays visible.</source>
        <translation>Рисовать потери в логарифмическом масштабе, где заметен и медленный поздний прогресс.</translation>
    </message>
    <message>
        <source>Export curves…</source>
        <translation>Экспорт кривых…</translation>
    </message>
    <message>
        <source>Save the curves as a CSV table: a column per variant, against the x-axis shown.</source>
        <translation>Сохранить кривые в таблицу CSV: по столбцу на вариант, по показанной оси x.</translation>
    </message>
    <message>
        <source>Tick to train this variant in the next run.</source>
        <translation>Отметьте, чтобы обучить этот вариант при следующем запуске.</translation>
    </message>
    <message>
        <source>Open a lab with variants (Labs menu) to train them one after another and compare their curves here.</source>
        <translation>Откройте лабораторную с вариантами (меню «Лабораторные»), чтобы обучить их один за другим и сравнить их кривые здесь.</translation>
    </message>
    <message>
        <source>Lab {number}. {title}</source>
        <translation>Лабораторная {number}. {title}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>The run failed: {message}</source>
        <translation>Запуск прервался с ошибкой: {message}</translation>
    </message>
    <message>
        <source>Paused between two batches.</source>
        <translation>Пауза между двумя батчами.</translation>
    </message>
    <message>
        <source>Training {variant} ({index} of {count})…</source>
        <translation>Обучается {variant} ({index} из {count})…</translation>
    </message>
    <message>
        <source>Tick at least one variant.</source>
        <translation>Отметьте хотя бы один вариант.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <source>Every variant is trained.</source>
        <translation>Все варианты обучены.</translation>
    </message>
    <message>
        <source>Validation R²</source>
        <translation>R² на валидации</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>Точность на валидации</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>точность</translation>
    </message>
    <message>
        <source>training loss, smoothed</source>
        <translation>потери на обучении, сглаженные</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>потери на валидации</translation>
    </message>
    <message>
        <source>validation R²</source>
        <translation>R² на валидации</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>точность на валидации</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>скорость обучения</translation>
    </message>
    <message>
        <source>series</source>
        <translation>ряд</translation>
    </message>
    <message>
        <source>Curves (*.csv)</source>
        <translation>Кривые (*.csv)</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Рисунок SVG</translation>
    </message>
    <message>
        <source>CSV data</source>
        <translation>Данные CSV</translation>
    </message>
    <message>
        <source>View all</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <source>Export view…</source>
        <translation>Экспорт вида…</translation>
    </message>
    <message>
        <source>There is nothing to export yet: the view has no figures to write (train, race or choose a run first).</source>
        <translation>Экспортировать пока нечего: в виде нет данных для записи (сначала обучите сеть, проведите гонку или выберите запуск).</translation>
    </message>
    <message>
        <source>Nothing to show for {dataset}: this view needs {what}.</source>
        <translation>Для набора «{dataset}» показать нечего: этому виду нужны {what}.</translation>
    </message>
    <message>
        <source>this view shows nothing</source>
        <translation>эта вкладка ничего не показывает</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Экспорт вида</translation>
    </message>
    <message>
        <source>Could not export to {path}: {reason}</source>
        <translation>Не удалось экспортировать в {path}: {reason}</translation>
    </message>
    <message>
        <source>other data</source>
        <translation>другие данные</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>View All</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>Ось X</translation>
    </message>
    <message>
        <source>Y axis</source>
        <translation>Ось Y</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>Режим мыши</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3 кнопки</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1 кнопка</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <source>The value to set, with a decimal point or the language&apos;s decimal separator: Enter sets it, Esc closes this box.</source>
        <translation>Значение, которое нужно задать, с десятичной запятой или точкой: Enter задаёт его, Esc закрывает это окошко.</translation>
    </message>
    <message>
        <source>Weight set by hand</source>
        <translation>Вес, заданный вручную</translation>
    </message>
</context>
</TS>
