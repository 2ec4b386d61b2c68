#!/usr/bin/env python3
"""The AWS CLI v1 as an oracle for mgnctl's command line (tst_mgnctloptions).

Reads a JSON list of command lines (each a list of words after "aws") on
stdin and runs each through awscli's own driver, in this process. A command
that reaches the client stops there: its parameters, as botocore would
receive them, are the answer; nothing is sent. Prints one JSON object per
command line: {"rc", "params", "stdout", "stderr"}. With --send, commands
are sent (to the --endpoint-url each names) and printed as the CLI prints
them: many commands for one interpreter's start. The CLI picks a random
value of an enum for --generate-cli-skeleton; here it picks the first, as
mgnctl does. Exit status 3: awscli is not installed.
"""

import contextlib
import io
import json
import random
import sys

try:
    from awscli.clidriver import create_clidriver
except ImportError:
    sys.exit(3)

random.choice = lambda values: values[0]


class ReachedTheClient(BaseException):
    pass


def run(argv, send):
    driver = create_clidriver()
    captured = {}

    def stop(params, **kwargs):
        captured["params"] = params
        raise ReachedTheClient()

    if not send:
        driver.session.register("provide-client-params.mgn", stop)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = driver.main(argv)
        except ReachedTheClient:
            rc = 0
        except SystemExit as e:
            rc = e.code
    return {"rc": rc, "params": captured.get("params"), "stdout": out.getvalue(), "stderr": err.getvalue()}


def main():
    send = "--send" in sys.argv[1:]
    results = [run(argv, send) for argv in json.loads(sys.stdin.read())]
    json.dump(results, sys.stdout, default=str)


if __name__ == "__main__":
    main()
