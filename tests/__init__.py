"""The test suite is a package, and so is each folder in it, so that test files mirroring modules of
the same name in different folders (tests/rules/test_x.py, tests/glossary/test_x.py) do not collide,
and `from tests.conftest import ...` names one module however pytest was started."""
