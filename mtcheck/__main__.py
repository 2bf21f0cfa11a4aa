from mtcheck.entry import run  # not mtcheck.cli: a Ctrl-C while that imports must not print a traceback

if __name__ == "__main__":
    run()
