#!/usr/bin/env python3
"""Lists every source server with boto3's paginator and prints the AWS CLI's
document ({"items": [...]}, indented), the same work as
`aws mgn describe-source-servers` and `mgnctl describe-source-servers`.

Usage: boto3_list.py ENDPOINT_URL
Credentials and region come from the environment. Without boto3, botocore's
client (the one boto3 wraps) is used and the first line on stderr says so.
"""
import json
import sys


def client(endpoint):
    try:
        import boto3
        return boto3.session.Session().client("mgn", endpoint_url=endpoint)
    except ImportError:
        import botocore.session
        print("boto3 not installed: botocore's client", file=sys.stderr)
        return botocore.session.get_session().create_client("mgn", endpoint_url=endpoint)


def main():
    mgn = client(sys.argv[1])
    items = []
    for page in mgn.get_paginator("describe_source_servers").paginate(filters={}):
        items.extend(page["items"])
    json.dump({"items": items}, sys.stdout, indent=4, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
