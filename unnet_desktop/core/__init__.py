"""The core: database, models, reference data. Imports no Qt."""
