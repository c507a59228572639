#!/bin/bash
# Runs inside the LocalStack container when it is ready: uploads the bundled sample month into a bucket laid out
# like a central log bucket (s3://govcloud-sample-logs/logs/AWSLogs/...), and the cost exports beside it.
set -euo pipefail
awslocal s3 mb s3://govcloud-sample-logs
awslocal s3 sync /sample-data/logs s3://govcloud-sample-logs/logs --only-show-errors
if [ -d /sample-data/cost ]; then
  awslocal s3 sync /sample-data/cost s3://govcloud-sample-logs/cost --only-show-errors
fi
echo "govcloud-ops sample uploaded to s3://govcloud-sample-logs"
