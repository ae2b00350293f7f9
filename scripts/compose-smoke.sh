#!/usr/bin/env bash
# Runs the stack under docker compose for real, on a machine that reaches package registries but no image registry:
#   1. installs what is missing (Docker engine, docker-compose, debootstrap) and starts a Docker engine if none runs;
#   2. makes local stand-ins for the official base images, cached between runs (scripts/compose-smoke/):
#      a Debian root file system from Debian's packages (debootstrap, then docker import), a .NET SDK image with the
#      machine's .NET installation copied in, a .NET runtime image (the same installation without the SDK: the host
#      and both shared frameworks, standing in for both the runtime and the ASP.NET Core runtime images), and a
#      PostgreSQL 15 image from Debian's postgresql-15;
#   3. builds the project's images through the real Dockerfiles, `docker compose up -d`, waits for every container to
#      run and pass its health check, ingests samples/ through the cli service as the README shows, checks the
#      quotes, speakers and entities that come back, stops PostgreSQL and storage and starts them again and checks
#      that nothing stored was lost, and ends with `docker compose down -v`.
# The last line is "compose smoke: passed" or "compose smoke: failed: <why>"; the exit code follows it. Nothing is
# left running: the project's containers, network and volume are removed, and a Docker engine started here is stopped.
#   scripts/compose-smoke.sh            (as root, or with the tools installed and a Docker engine running)
# Settings: COMPOSE_SMOKE_TIMEOUT (seconds to wait for the stack to be healthy, default 300).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

work=$(mktemp -d)
log="$work/smoke.log"
reason=""
dockerd_pid=""
stack_started=""
suite=bookworm
recipes=scripts/compose-smoke
project=platformsmoke
timeout=${COMPOSE_SMOKE_TIMEOUT:-300}

step() { echo "==> $*"; }
fail() { reason="$*"; exit 1; }
# Runs a command with its output in the log; on failure the log's tail is shown at the end.
logged() { echo "\$ $*" >>"$log"; "$@" >>"$log" 2>&1; }

finish() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$stack_started" ]; then
    compose down -v --remove-orphans >>"$log" 2>&1 || echo "docker compose down failed" >>"$log"
  fi
  if [ -n "${dangling_before+set}" ]; then
    # The build stages of this run's images are left untagged; they would only pile up (about 250 MB each).
    comm -13 <(echo "$dangling_before") <(dangling_images) | xargs -r docker rmi >>"$log" 2>&1
  fi
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null
    # dockerd stops the containerd it started; give both time to exit cleanly.
    for _ in $(seq 60); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$dockerd_pid" 2>/dev/null
  fi
  if [ "$status" = 0 ] && [ -z "$reason" ]; then
    rm -rf "$work"
    echo "compose smoke: passed"
    exit 0
  fi
  echo "---- last lines of the smoke log"
  tail -n 60 "$log" 2>/dev/null
  rm -rf "$work"
  echo "compose smoke: failed: ${reason:-stopped unexpectedly (exit $status)}"
  exit 1
}
trap finish EXIT
trap 'reason="interrupted"; exit 1' INT TERM

# ---- tools and engine -------------------------------------------------------------------------------------------
apt_updated=""
install() {
  [ "$(id -u)" = 0 ] || fail "$* missing, and installing it needs root"
  if [ -z "$apt_updated" ]; then
    logged apt-get update -qq || fail "apt-get update failed"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive logged apt-get install -y -qq "$@" || fail "apt-get install $* failed"
}

compose_command=()
compose() { COMPOSE_PROJECT_NAME=$project COMPOSE_FILE="docker-compose.yml:$work/compose.override.yml" "${compose_command[@]}" "$@"; }

step "Docker engine and tools"
command -v dockerd >/dev/null 2>&1 || install docker.io
if docker compose version >/dev/null 2>&1; then
  compose_command=(docker compose)
else
  command -v docker-compose >/dev/null 2>&1 || install docker-compose
  compose_command=(docker-compose)
fi

if ! docker info >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || fail "no Docker engine runs, and starting one needs root"
  # overlay2 first (the engine's default); where the kernel refuses it, the slower but always available vfs.
  for driver in overlay2 vfs; do
    echo "starting dockerd (storage driver $driver)" >>"$log"
    # Niced: the builds and services inherit it, and the machine stays usable.
    nice -n 10 dockerd --storage-driver="$driver" >>"$work/dockerd.log" 2>&1 &
    dockerd_pid=$!
    for _ in $(seq 60); do
      docker info >/dev/null 2>&1 && break
      kill -0 "$dockerd_pid" 2>/dev/null || break
      sleep 1
    done
    docker info >/dev/null 2>&1 && break
    kill "$dockerd_pid" 2>/dev/null; wait "$dockerd_pid" 2>/dev/null
    dockerd_pid=""
    tail -n 20 "$work/dockerd.log" >>"$log"
  done
  [ -n "$dockerd_pid" ] || fail "dockerd did not start"
fi
echo "engine: $(docker version --format '{{.Server.Version}}' 2>/dev/null), storage driver $(docker info --format '{{.Driver}}' 2>/dev/null), compose: ${compose_command[*]}"

# A run that was cut short may have left the project's containers behind.
printf 'services: {}\n' >"$work/compose.override.yml"
stack_started=1
compose down -v --remove-orphans >>"$log" 2>&1

# ---- local base images --------------------------------------------------------------------------------------------
# Each tag is a hash of what the image is made from, so a cached image is reused only while its inputs are the same.
digest() { sha256sum | cut -c1-12; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# The Debian mirror this machine's apt uses for the suite (deb822 .sources files, then one-line .list files).
debian_mirror() {
  {
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -r "$f" ] || continue
      awk -v suite="$suite" 'BEGIN { RS = ""; FS = "\n" }
        {
          uris = ""; suites = ""; types = ""; enabled = "yes"
          for (i = 1; i <= NF; i++) {
            if ($i ~ /^#/) continue
            if (match($i, /^URIs:[ \t]*/)) uris = substr($i, RLENGTH + 1)
            else if (match($i, /^Suites:[ \t]*/)) suites = substr($i, RLENGTH + 1)
            else if (match($i, /^Types:[ \t]*/)) types = substr($i, RLENGTH + 1)
            else if (match($i, /^Enabled:[ \t]*/)) enabled = tolower(substr($i, RLENGTH + 1))
          }
          if (enabled == "no" || (" " types " ") !~ / deb /) next
          n = split(suites, s, /[ \t]+/)
          for (j = 1; j <= n; j++) if (s[j] == suite) { split(uris, u, /[ \t]+/); print u[1]; next }
        }' "$f"
    done
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      awk -v suite="$suite" '$1 == "deb" {
          i = 2
          if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
          if ($(i + 1) == suite) { print $i; exit }
        }'
  } | head -n 1
}

# The certificate authorities this machine trusts go into the images, so that a build inside reaches NuGet (and apt)
# through whatever this machine's connections go through.
ca_bundle=${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}
[ -r "$ca_bundle" ] || fail "no CA bundle at $ca_bundle"

step "Local base images (cached between runs)"
base_packages=ca-certificates,libicu72,libssl3,tzdata
base_image="platform-smoke/debian:$suite-$( { echo "$suite minbase $base_packages"; cat "$ca_bundle"; } | digest)"
if have_image "$base_image"; then
  echo "cached: $base_image"
else
  command -v debootstrap >/dev/null 2>&1 || install debootstrap
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || fail "no apt source for Debian $suite on this machine (/etc/apt/sources.list*)"
  echo "making $base_image with debootstrap from $mirror"
  rootfs="$work/rootfs"
  logged nice debootstrap --variant=minbase --include="$base_packages" "$suite" "$rootfs" "$mirror" ||
    fail "debootstrap $suite from $mirror failed"
  cp "$ca_bundle" "$rootfs/usr/local/share/ca-certificates/machine-trust.crt"
  logged chroot "$rootfs" update-ca-certificates || fail "update-ca-certificates in the root file system failed"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | logged docker import - "$base_image" || fail "docker import of the root file system failed"
  rm -rf "$rootfs"
fi

command -v dotnet >/dev/null 2>&1 || fail "no .NET SDK on this machine (dotnet is not on PATH)"
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
sdk_version=$(dotnet --version) || fail "dotnet --version failed"
dotnet_inputs=$( { dotnet --list-sdks; dotnet --list-runtimes; echo "$base_image"; cat "$recipes/dotnet-sdk.Dockerfile"; } | digest)
sdk_image="platform-smoke/dotnet-sdk:$sdk_version-$dotnet_inputs"
if have_image "$sdk_image"; then
  echo "cached: $sdk_image"
else
  echo "making $sdk_image from $dotnet_root"
  logged docker build --force-rm --build-arg BASE_IMAGE="$base_image" -t "$sdk_image" \
    -f - "$dotnet_root" <"$recipes/dotnet-sdk.Dockerfile" || fail "building the .NET SDK image failed"
fi

runtime_image="platform-smoke/dotnet-runtime:$sdk_version-$( { echo "$sdk_image"; cat "$recipes/dotnet-runtime.Dockerfile"; } | digest)"
if have_image "$runtime_image"; then
  echo "cached: $runtime_image"
else
  echo "making $runtime_image"
  logged docker build --force-rm --build-arg BASE_IMAGE="$base_image" --build-arg SDK_IMAGE="$sdk_image" -t "$runtime_image" \
    - <"$recipes/dotnet-runtime.Dockerfile" || fail "building the .NET runtime image failed"
fi

postgres_image="platform-smoke/postgres:15-$( { echo "$base_image"; cat "$recipes/postgres.Dockerfile" "$recipes/postgres-entrypoint.sh"; } | digest)"
if have_image "$postgres_image"; then
  echo "cached: $postgres_image"
else
  echo "making $postgres_image"
  logged docker build --force-rm --network host --build-arg BASE_IMAGE="$base_image" -t "$postgres_image" \
    -f "$recipes/postgres.Dockerfile" "$recipes" || fail "building the PostgreSQL image failed"
fi

# ---- the project's images, through the real Dockerfiles -------------------------------------------------------------
step "Project images (the Dockerfiles of docker-compose.yml)"
dangling_images() { docker images -q --no-trunc -f dangling=true | sort; }
dangling_before=$(dangling_images)
build_project_image() { # service dockerfile
  local started=$SECONDS
  logged docker build --force-rm --network host \
    --build-arg DOTNET_SDK_IMAGE="$sdk_image" \
    --build-arg DOTNET_ASPNET_IMAGE="$runtime_image" \
    --build-arg DOTNET_RUNTIME_IMAGE="$runtime_image" \
    --build-arg NUGET_CERT_REVOCATION_MODE="${NUGET_CERT_REVOCATION_MODE:-online}" \
    -f "$2" -t "platform-smoke/$1:latest" . || fail "docker build of $2 failed"
  echo "built platform-smoke/$1:latest from $2 in $((SECONDS - started)) s"
}
build_project_image storage services/Platform.Storage/Dockerfile
build_project_image extraction services/Platform.Extraction/Dockerfile
build_project_image cli clients/Platform.Cli/Dockerfile

# The compose file as users run it, with the images just built (the base images come in through its variables).
cat >"$work/compose.override.yml" <<EOF
services:
  storage:
    image: platform-smoke/storage:latest
  extraction:
    image: platform-smoke/extraction:latest
  cli:
    image: platform-smoke/cli:latest
EOF
export PLATFORM_POSTGRES_IMAGE="$postgres_image"
export PLATFORM_DOTNET_SDK_IMAGE="$sdk_image"
export PLATFORM_DOTNET_ASPNET_IMAGE="$runtime_image"
export PLATFORM_DOTNET_RUNTIME_IMAGE="$runtime_image"

# ---- the stack ------------------------------------------------------------------------------------------------------
# Waits until every container of the stack runs and, where it has a health check, is healthy.
wait_healthy() {
  local deadline=$((SECONDS + timeout)) ids states bad
  while :; do
    ids=$(compose ps -q 2>>"$log")
    states=""
    [ -n "$ids" ] && states=$(docker inspect -f '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' $ids 2>>"$log")
    bad=$(awk '$2 != "running" || ($3 != "healthy" && $3 != "none")' <<<"$states")
    if [ -n "$states" ] && [ -z "$bad" ] && [ "$(wc -l <<<"$states")" -ge "$1" ]; then
      echo "$states" >>"$log"
      return 0
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "$states" >>"$log"
      compose logs --no-color --tail 40 >>"$log" 2>&1
      fail "not healthy after ${timeout}s: $(tr '\n' ';' <<<"${bad:-no containers}")"
    fi
    sleep 2
  done
}

# Waits until the cli service's `platform status` finds both services serving (storage only while PostgreSQL answers).
wait_serving() {
  local deadline=$((SECONDS + timeout))
  until compose run --rm cli status >>"$log" 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "platform status did not report both services serving within ${timeout}s"
    sleep 3
  done
}

step "docker compose up"
compose up -d >>"$log" 2>&1 || fail "docker compose up failed"
wait_healthy 3
wait_serving
compose ps

step "Ingest samples/ through the cli service"
compose run --rm cli ingest /samples >"$work/ingest.out" 2>&1
ingest_status=$?
cat "$work/ingest.out" >>"$log"
cat "$work/ingest.out"
[ $ingest_status = 0 ] || fail "docker compose run --rm cli ingest /samples exited with $ingest_status"
sample_count=$(find samples -maxdepth 1 -type f \( -name '*.txt' -o -name '*.html' \) | wc -l)

# Runs a query through the cli service and keeps its output for the checks.
query() { # name args...
  local name=$1; shift
  compose run --rm cli "$@" >"$work/$name.out" 2>>"$log" || fail "docker compose run --rm cli $* failed"
  echo "\$ platform $*" >>"$log"; cat "$work/$name.out" >>"$log"
}
# Fails unless the named output contains the text.
expect() { # name text
  grep -qiF -- "$2" "$work/$1.out" || fail "\"$2\" is not in the output of the $1 query"
}

check_content() { # when
  query quotes_marsh quotes --speaker marsh --format jsonl
  expect quotes_marsh "The cranes are back in service"
  expect quotes_marsh "Elena Marsh"
  query quotes_text quotes --text "clean our way out" --format jsonl
  expect quotes_text "plastic has to stop at the source"
  query speakers speakers --limit 50 --format jsonl
  expect speakers "Elena Marsh"
  query entities entities --limit 200 --format jsonl
  expect entities "Valmora"
  query article article harbour-reopening --format json
  expect article "Port of Valmora"
  echo "quotes, speakers, entities and the article read back $1"
}

# Rows in PostgreSQL: the articles, quotes and entities that storage acknowledged.
counts() {
  compose exec -T postgres psql -U platform -d platform -Atc \
    "select (select count(*) from articles) || ' articles, ' || (select count(*) from quotes) || ' quotes, '
            || (select count(*) from entities) || ' entities, ' || (select count(*) from mentions) || ' mentions'" \
    2>>"$log" | tr -d '\r'
}

step "Check what came back"
check_content "after the ingest"
before=$(counts)
[ -n "$before" ] || fail "could not count the stored rows"
stored_articles=${before%% articles*}
[ "$stored_articles" = "$sample_count" ] || fail "$sample_count sample files but $stored_articles stored articles"
echo "stored: $before"

step "Stop PostgreSQL and storage, start them again"
logged compose stop storage postgres || fail "docker compose stop storage postgres failed"
logged compose start postgres storage || fail "docker compose start postgres storage failed"
wait_healthy 3
wait_serving
after=$(counts)
echo "stored after the restart: $after"
[ "$before" = "$after" ] || fail "stored rows changed across the restart: before $before, after $after"
check_content "after the restart"

step "docker compose down -v"
logged compose down -v --remove-orphans || fail "docker compose down -v failed"
stack_started=""
left=$(docker ps -aq --filter "label=com.docker.compose.project=$project")
[ -z "$left" ] || fail "containers left after docker compose down: $left"
