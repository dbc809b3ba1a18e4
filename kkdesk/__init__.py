"""kkdesk: the back-office desk for the Konekesko Webshop customer register."""

__version__ = "0.1.0"
