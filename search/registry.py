"""Which models are searchable; see documents.py for the contract."""

_models = []


def register(model):
    if model not in _models:
        _models.append(model)
    return model


def registered_models():
    return list(_models)
