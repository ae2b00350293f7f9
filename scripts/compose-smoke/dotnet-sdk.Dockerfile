# A stand-in for the official .NET SDK image: a Debian base with a .NET installation copied in.
# Build context: the .NET installation folder (the one holding the `dotnet` executable). See scripts/compose-smoke.sh.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY . /usr/share/dotnet/
# What the official images set: the non-root user "app" (uid 1654, in APP_UID), the container flags, and no
# first-run banner or telemetry (a build here reaches package registries only).
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --create-home app
ENV APP_UID=1654 \
    DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=true \
    DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
    NUGET_XMLDOC_MODE=skip
