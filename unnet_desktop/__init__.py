"""unnet_desktop: the secretariat tool of the UN Network on Migration in Indonesia."""

__version__ = "0.1.0"
APP_NAME = "unnet-desktop"
NETWORK_NAME = "UN Network on Migration in Indonesia"
