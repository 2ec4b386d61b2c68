#!/usr/bin/env python3
"""Drives a running mgn-emulator with botocore (and boto3 when installed), as
an independent client of its wire protocol and signatures
(tests/tst_emulatorinterop.cpp).

Reads one JSON document from stdin:
    {"url": ..., "region": ..., "access_key": ..., "secret_key": ...,
     "eligible_id": ..., "ineligible_id": ..., "page_size": ...}
(the credentials are the emulator's demo values, passed on stdin all the same)
and writes to stdout what each client saw:
    {"botocore_version": ..., "boto3_version": null | ...,
     "botocore": {...}, "boto3": null | {...}}
Exit status 3 means botocore is not installed.
"""

import json
import sys

try:
    import botocore
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ImportError:
    sys.stderr.write("botocore is not installed\n")
    sys.exit(3)

try:
    import boto3
except ImportError:
    boto3 = None


def error_code(call):
    """Runs call(); returns the error code of the ClientError it raised, or None."""
    try:
        call()
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


def exercise(client, bad_client, spec):
    """The same calls through a botocore or a boto3 client."""
    result = {}

    # Paging with the SDK's own paginator (nextToken followed by botocore).
    paginator = client.get_paginator("describe_source_servers")
    pages = 0
    ids = []
    for page in paginator.paginate(filters={}, PaginationConfig={"PageSize": spec["page_size"]}):
        pages += 1
        ids.extend(item["sourceServerID"] for item in page["items"])
    result["pages"] = pages
    result["server_ids"] = ids

    # A GET with the paging in the query string.
    vcenter_ids = []
    for page in client.get_paginator("describe_vcenter_clients").paginate(PaginationConfig={"PageSize": 1}):
        vcenter_ids.extend(item["vcenterClientID"] for item in page["items"])
    result["vcenter_client_ids"] = vcenter_ids

    # The ARN percent-encoded in the path, and encoded once more when signed.
    server = client.describe_source_servers(filters={"sourceServerIDs": [spec["eligible_id"]]})["items"][0]
    result["tags"] = client.list_tags_for_resource(resourceArn=server["arn"])["tags"]

    # A call the documented rules refuse: botocore's modeled exception class.
    try:
        client.start_test(sourceServerIDs=[spec["ineligible_id"]])
        result["refused"] = None
    except client.exceptions.ConflictException as error:
        result["refused"] = {
            "code": error.response["Error"]["Code"],
            "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
            "message": error.response["Error"]["Message"],
        }

    result["unknown_server"] = error_code(
        lambda: client.mark_as_archived(sourceServerID="s-00000000000000000"))
    result["wrong_secret"] = error_code(lambda: bad_client.describe_source_servers(filters={}))
    return result


def main():
    spec = json.load(sys.stdin)
    config = Config(retries={"max_attempts": 1, "mode": "standard"})
    common = {
        "endpoint_url": spec["url"],
        "region_name": spec["region"],
        "aws_access_key_id": spec["access_key"],
        "config": config,
    }
    session = botocore.session.get_session()
    output = {"botocore_version": botocore.__version__, "boto3_version": None, "boto3": None}

    client = session.create_client("mgn", aws_secret_access_key=spec["secret_key"], **common)
    bad_client = session.create_client("mgn", aws_secret_access_key="not-" + spec["secret_key"], **common)
    output["botocore"] = exercise(client, bad_client, spec)

    # An accepted call changes the state (once, through botocore).
    job = client.start_test(sourceServerIDs=[spec["eligible_id"]])["job"]
    server = client.describe_source_servers(filters={"sourceServerIDs": [spec["eligible_id"]]})["items"][0]
    output["botocore"]["started_job"] = {"type": job["type"], "initiatedBy": job["initiatedBy"],
                                         "servers": [p["sourceServerID"] for p in job["participatingServers"]]}
    output["botocore"]["state_after_start_test"] = server["lifeCycle"]["state"]

    if boto3 is not None:
        output["boto3_version"] = boto3.__version__
        boto_session = boto3.session.Session()
        boto_client = boto_session.client("mgn", aws_secret_access_key=spec["secret_key"], **common)
        boto_bad = boto_session.client("mgn", aws_secret_access_key="not-" + spec["secret_key"], **common)
        # The eligible server is testing now: StartTest on it is refused too.
        spec = dict(spec, ineligible_id=spec["eligible_id"])
        output["boto3"] = exercise(boto_client, boto_bad, spec)

    json.dump(output, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
