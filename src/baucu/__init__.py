"""baucu: election management for Vietnam's National Assembly and People's Council elections."""

__version__ = "0.1.0"
