"""``mtcheck review``: the editors' review app. ``session`` decides (pure Python, no HTTP), ``app``
serves it as a JSON API and a page, ``server`` runs the app on 127.0.0.1 until Ctrl-C."""
