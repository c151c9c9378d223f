"""An experiment: a validated configuration with its data and network, ready to make trainers."""
import numpy as np

from core import activations
from core.compiled import compiled
from core.config import OptimizerConfig, RunConfig
from core.experiment import Experiment
from core.optimizers import RMSprop


def test_prepare_compiles_the_kernels_of_a_run_without_building_its_optimiser():
    config = RunConfig()
    config.optimizer = OptimizerConfig("rmsprop", {"lr": 0.01})
    experiment = Experiment(config)
    experiment.prepare()
    assert any(str(signature[0].dtype) == "float32" for signature in compiled(RMSprop.kernel).signatures)
    assert np.dtype(np.float32) in activations.COMPILED_DTYPES, "the ReLU of the default network"
    assert experiment._optimizer is None, "the run's own optimiser (and its state) is left to the trainer"
