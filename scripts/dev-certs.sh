#!/usr/bin/env bash
# Makes a self-signed development certificate for 127.0.0.1/localhost in .local/certs (git-ignored) and prints the
# settings that switch both services to TLS. Clients must trust the certificate (or use a real one in production).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p .local/certs
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout .local/certs/dev.key -out .local/certs/dev.crt 2>/dev/null
echo "Certificate: $PWD/.local/certs/dev.crt"
echo "Start a service with TLS by setting:"
echo "  Urls=https://127.0.0.1:5102"
echo "  Kestrel__Certificates__Default__Path=$PWD/.local/certs/dev.crt"
echo "  Kestrel__Certificates__Default__KeyPath=$PWD/.local/certs/dev.key"
