#!/usr/bin/env python3
"""SigV4 signatures per second by botocore (the signer of boto3 and the AWS
CLI) on the request mgn-bench's sigv4_sign signs: a reference for it.

Usage: botocore_sign.py [SECONDS]   prints one JSON object (CPU time).
"""
import json
import secrets
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

# Keys made up for this run, of the lengths of real ones: signing cost does not depend on them.
CREDENTIALS = Credentials("MGNBENCH" + secrets.token_hex(6).upper(), secrets.token_hex(20))
BODY = b'{"filters":{},"maxResults":1000,"nextToken":"REVTQ1JJQkVfU09VUkNFX1NFUlZFUlN8MTAwMHw1YTJmOWQ"}'


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    signer = SigV4Auth(CREDENTIALS, "mgn", "us-east-1")
    count = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        request = AWSRequest(method="POST", url="http://127.0.0.1:8443/DescribeSourceServers", data=BODY,
                             headers={"Content-Type": "application/json"})
        signer.add_auth(request)
        count += 1
    elapsed = time.process_time() - start
    print(json.dumps({"signer": "botocore", "signatures_per_s": count / elapsed}))


if __name__ == "__main__":
    main()
