#!/usr/bin/env python3
"""Signs requests with botocore's SigV4Auth at a fixed time, for comparison
with our own signer (tests/tst_sigv4_botocore.cpp).

Reads one JSON document from stdin:
    {"cases": [{"name": ..., "method": ..., "url": ..., "headers": [[name, value], ...],
                "body_base64": ..., "region": ..., "service": ...,
                "access_key": ..., "secret_key": ..., "token": optional,
                "timestamp": "2015-08-30T12:36:00Z"}, ...]}
and writes to stdout:
    {"botocore_version": ..., "results": {name: {"canonical_request": ..., "string_to_sign": ...,
                                                 "headers": {name: value, ...}}}}
The credentials come on stdin, never on the command line. The output holds
signatures: the caller compares them and must not print them. Exit status 3
means botocore is not installed.
"""

import base64
import contextlib
import datetime
import json
import sys
from unittest import mock

try:
    import botocore
    import botocore.auth
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    sys.stderr.write("botocore is not installed\n")
    sys.exit(3)


class CapturingSigV4Auth(SigV4Auth):
    """SigV4Auth that keeps the canonical request and string to sign."""

    captured_canonical_request = None
    captured_string_to_sign = None

    def string_to_sign(self, request, canonical_request):
        self.captured_canonical_request = canonical_request
        self.captured_string_to_sign = super().string_to_sign(request, canonical_request)
        return self.captured_string_to_sign


@contextlib.contextmanager
def frozen_time(moment):
    """Makes botocore.auth see `moment` (naive UTC) as the current time.

    botocore >= 1.32 asks compat.get_current_datetime(), imported into
    botocore.auth; older releases (Debian's) call datetime.datetime.utcnow(),
    which botocore's own tests freeze by patching botocore.auth.datetime.
    """
    if hasattr(botocore.auth, "get_current_datetime"):
        with mock.patch.object(botocore.auth, "get_current_datetime", return_value=moment):
            yield
    else:
        with mock.patch.object(botocore.auth.datetime, "datetime", mock.Mock(wraps=datetime.datetime)) as fake:
            fake.utcnow.return_value = moment
            yield


def sign(case):
    credentials = Credentials(case["access_key"], case["secret_key"], case.get("token"))
    request = AWSRequest(
        method=case["method"],
        url=case["url"],
        headers=dict(case.get("headers", [])),
        data=base64.b64decode(case.get("body_base64", "")),
    )
    auth = CapturingSigV4Auth(credentials, case["service"], case["region"])
    moment = datetime.datetime.strptime(case["timestamp"], "%Y-%m-%dT%H:%M:%SZ")
    with frozen_time(moment):
        auth.add_auth(request)
    return {
        "canonical_request": auth.captured_canonical_request,
        "string_to_sign": auth.captured_string_to_sign,
        "headers": {name: value for name, value in request.headers.items()},
    }


def main():
    spec = json.load(sys.stdin)
    results = {case["name"]: sign(case) for case in spec["cases"]}
    json.dump({"botocore_version": botocore.__version__, "results": results}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
