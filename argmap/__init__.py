"""argmap: map a policy debate as a graph of claims from named sources."""

__version__ = "0.1.0"
