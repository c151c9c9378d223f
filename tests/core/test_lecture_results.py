"""What the lectures promise, reproduced on the real engine (issue 2's "done when")."""
import numpy as np

from core import config as run_config
from core import datasets, optimizers
from core.experiment import Experiment
from core.layers import Activation, Dense
from core.network import Network
from core.trainer import Trainer, evaluate


def train(trainer):
    for event in trainer.run():
        last = event
    return last


def test_a_2_2_1_sigmoid_network_learns_xnor():
    data = datasets.load("xnor")  # the 4-point truth table is every split
    X, y = data.X_train, data.y_train
    assert sorted(map(tuple, X.tolist())) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    net = Network([Dense(2, 2, init="normal", init_options={"std": 1.0}), Activation("sigmoid"), Dense(2, 1)],
                  seed=1, loss="binary_cross_entropy")
    train(Trainer(net, optimizers.create("adam", lr=0.1), X, y, batch_size=4, epochs=500))
    np.testing.assert_array_equal(net.predict(X), (X[:, 0] == X[:, 1]).astype(int))


def test_the_digits_mlp_reaches_97_percent_through_a_run_configuration():
    config = run_config.RunConfig()
    config.network.hidden = [run_config.LayerConfig(64, "relu")]
    config.optimizer.options = {"lr": 0.003}
    config.schedule.name, config.schedule.options, config.schedule.unit = "cosine", {"T": 30}, "epoch"
    config.training.epochs, config.training.batch_size = 30, 32
    experiment = Experiment(config)
    train(experiment.make_trainer())
    loss, accuracy = evaluate(experiment.network, experiment.dataset.X_test, experiment.dataset.y_test)
    assert accuracy >= 0.97


def test_the_lectures_10_neuron_softmax_perceptron_reaches_94_percent_on_digits():
    data = datasets.load("digits")
    net = Network([Dense(64, 10)], seed=0)
    train(Trainer(net, optimizers.create("sgd", lr=0.5), data.X_train, data.y_train, batch_size=32, epochs=50))
    assert evaluate(net, data.X_test, data.y_test)[1] >= 0.94
