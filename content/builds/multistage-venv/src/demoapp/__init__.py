"""demoapp: the small FastAPI service that every example image in content/builds/ serves."""

__version__ = "1.0.0"
