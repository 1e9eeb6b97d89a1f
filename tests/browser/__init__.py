"""The built site as readers get it: Debian's headless Chromium, the Nu Html Checker, axe-core and
an offline link check. A package (this file) so that its browser, started once for these tests, is
closed when they end (pytest's "package" scope), before any other test starts a Playwright of its own.
"""
