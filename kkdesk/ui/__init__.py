"""The desk: the only package that imports Qt widgets. It calls services through the task
runner and never touches SQLAlchemy."""
