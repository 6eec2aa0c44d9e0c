"""Railgrain's translations: ``railgrain_<lang>.ts`` sources and the ``.qm`` files built from them.

``python -m resources.translations.tools`` updates the ``.ts`` files from the code (lupdate) and
compiles them (lrelease); the build hook in ``setup.py`` compiles them at install time.
"""
