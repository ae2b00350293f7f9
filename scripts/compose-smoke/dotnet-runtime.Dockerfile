# A stand-in for the official .NET runtime and ASP.NET Core runtime images: a Debian base with the `dotnet` host and
# the shared frameworks (Microsoft.NETCore.App and Microsoft.AspNetCore.App) of the SDK image, without the SDK.
# No build context is needed. See scripts/compose-smoke.sh.
ARG BASE_IMAGE
ARG SDK_IMAGE
FROM ${SDK_IMAGE} AS sdk

FROM ${BASE_IMAGE}
COPY --from=sdk /usr/share/dotnet/dotnet /usr/share/dotnet/dotnet
COPY --from=sdk /usr/share/dotnet/host /usr/share/dotnet/host/
COPY --from=sdk /usr/share/dotnet/shared /usr/share/dotnet/shared/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --uid 1654 --gid 1654 --create-home app
ENV APP_UID=1654 \
    DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    ASPNETCORE_HTTP_PORTS=8080
