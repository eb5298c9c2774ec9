"""peertrack: track your peer support certification, CE hours and wellness plan."""

__version__ = "0.1.0"
