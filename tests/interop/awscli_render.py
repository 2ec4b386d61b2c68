#!/usr/bin/env python3
"""Prints what the AWS CLI (v1) prints on stdout for given 2xx bodies, for
comparison with CliResponse (tests/tst_cliresponse.cpp).

Reads one JSON document from stdin:
    {"model_dir": ".../models/api/model",
     "cases": [{"name": ..., "operation": "DescribeSourceServers",
                "bodies_base64": [...], "format": "json" | "text" | "table",
                "paging": {"maxItems": n, "startingToken": s, "pageSize": n,
                           "paginate": true}}, ...]}
and writes to stdout:
    {"awscli_version": ..., "botocore_version": ...,
     "results": {name: {"output_base64": ..., "error": null or text,
                        "requests": [{token, page size} of each request]}}}
When the AWS CLI fails, output_base64 holds what it printed before it did
(the text formatter prints page after page).

The bodies go through botocore's rest-json parser with the AWS CLI's scalar
parsers (timestamps and blobs as sent), then, as the AWS CLI does, either a
PageIterator (paginated operations unless paging.paginate is false) or the
one answer, and the formatter of awscli/formatter.py. One process renders
every case. Exit status 3 means botocore or awscli is not installed.
"""

import argparse
import base64
import io
import json
import os
import sys

try:
    import awscli
    import botocore
    from awscli.formatter import JSONFormatter, TableFormatter, TextFormatter
    from botocore.model import ServiceModel
    from botocore.paginate import Paginator
    from botocore.parsers import ResponseParserFactory
except ImportError:
    sys.stderr.write("botocore or awscli is not installed\n")
    sys.exit(3)


def identity(value):
    return value


class Bodies:
    """The service: each call answers the next body, and is recorded."""

    def __init__(self, parser, shape, bodies, input_token, limit_key):
        self._parser = parser
        self._shape = shape
        self._bodies = list(bodies)
        self._input_token = input_token
        self._limit_key = limit_key
        self.requests = []

    def __call__(self, **kwargs):
        self.requests.append({
            "token": kwargs.get(self._input_token) if self._input_token else None,
            "pageSize": kwargs.get(self._limit_key) if self._limit_key else None,
        })
        if not self._bodies:
            raise RuntimeError("more requests than bodies")
        body = self._bodies.pop(0)
        return self._parser.parse({"body": body, "headers": {}, "status_code": 200}, self._shape)


def render(case, service, paginators, parser):
    operation = service.operation_model(case["operation"])
    paging = case.get("paging") or {}
    bodies = [base64.b64decode(b) for b in case["bodies_base64"]]
    config = paginators.get(case["operation"])
    paginate = paging.get("paginate", True) and config is not None
    calls = Bodies(parser, operation.output_shape, bodies,
                   config["input_token"] if config else None,
                   config.get("limit_key") if config else None)
    if paginate:
        pagination = {}
        if paging.get("maxItems") is not None:
            pagination["MaxItems"] = paging["maxItems"]
        if paging.get("startingToken") is not None:
            pagination["StartingToken"] = paging["startingToken"]
        if paging.get("pageSize") is not None:
            pagination["PageSize"] = paging["pageSize"]
        response = Paginator(calls, config, operation).paginate(PaginationConfig=pagination)
    else:
        response = calls()
    fmt = case.get("format", "json")
    args = argparse.Namespace(query=None, color="off")
    formatter = {"json": JSONFormatter, "text": TextFormatter, "table": TableFormatter}[fmt](args)
    stream = io.StringIO()
    try:
        formatter(case["operation"], response, stream)
    except Exception as error:  # what the AWS CLI printed before it failed
        error.printed = stream.getvalue()
        error.requests = calls.requests
        raise
    return stream.getvalue(), calls.requests


def main():
    request = json.load(sys.stdin)
    model_dir = request["model_dir"]
    with open(os.path.join(model_dir, "service-2.json"), encoding="utf-8") as f:
        service = ServiceModel(json.load(f), service_name="mgn")
    with open(os.path.join(model_dir, "paginators-1.json"), encoding="utf-8") as f:
        paginators = json.load(f)["pagination"]
    # The AWS CLI's scalar parsers (awscli/customizations/scalarparse.py).
    factory = ResponseParserFactory()
    factory.set_parser_defaults(timestamp_parser=identity, blob_parser=identity)
    parser = factory.create_parser("rest-json")
    results = {}
    for case in request["cases"]:
        try:
            output, requests = render(case, service, paginators, parser)
            results[case["name"]] = {
                "output_base64": base64.b64encode(output.encode("utf-8")).decode("ascii"),
                "error": None, "requests": requests}
        except Exception as error:  # the AWS CLI exits with an error
            printed = getattr(error, "printed", "")
            results[case["name"]] = {
                "output_base64": base64.b64encode(printed.encode("utf-8")).decode("ascii"),
                "error": f"{type(error).__name__}: {error}", "requests": getattr(error, "requests", [])}
    json.dump({"awscli_version": awscli.__version__, "botocore_version": botocore.__version__,
               "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
