#!/usr/bin/env python3
"""Serialises operation inputs with botocore's rest-json serializer, for
comparison with our own (tests/tst_wireparity.cpp).

Usage: botocore_serialize.py <service-2.json>

Reads from stdin a JSON list of {"operation": name, "input": {...}} and
writes to stdout, in the same order, one object per case:
    {"method": ..., "path": ..., "query": ["name=value", ...],
     "headers": {name: value, ...}, "body": JSON value or null}
or {"error": ...} when botocore refuses the input (its parameter validation),
and the botocore version beside them:
    {"botocore_version": ..., "results": [...]}
"path" is botocore's url_path without any query of its own; "query" holds
the pairs as botocore percent-encodes them (percent_encode_sequence), the
request URI's own first. Idempotency tokens are not generated here (botocore
does that in a handler before serialising): the caller gives them. Exit
status 3 means botocore is not installed.
"""

import json
import sys

try:
    import botocore
    from botocore.exceptions import ParamValidationError
    from botocore.model import ServiceModel
    from botocore.serialize import create_serializer
    from botocore.utils import percent_encode_sequence
except ImportError:
    sys.stderr.write("botocore is not installed\n")
    sys.exit(3)


def serialise(serializer, model, case):
    operation = model.operation_model(case["operation"])
    try:
        request = serializer.serialize_to_request(case.get("input", {}), operation)
    except ParamValidationError as error:
        return {"error": str(error)}
    path, _, own_query = request["url_path"].partition("?")
    query = [pair for pair in own_query.split("&") if pair]
    if request["query_string"]:
        # An empty list adds no pair (botocore then sends a bare '?').
        query += [pair for pair in percent_encode_sequence(request["query_string"]).split("&") if pair]
    body = request["body"]
    return {
        "method": request["method"],
        "path": path,
        "query": query,
        "headers": {name: str(value) for name, value in request["headers"].items()},
        "body": json.loads(body) if body else None,
    }


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[1], encoding="utf-8") as service:
        model = ServiceModel(json.load(service))
    serializer = create_serializer("rest-json", include_validation=True)
    cases = json.load(sys.stdin)
    results = [serialise(serializer, model, case) for case in cases]
    json.dump({"botocore_version": botocore.__version__, "results": results}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
