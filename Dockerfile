# PersonaMedia API image: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
# Two targets: `runtime` (the default, last) is the API; `migrations` is the EF Core migration bundle for
# SQL Server that compose's migrate service runs before the API.
#   docker build -t personamedia .
#   docker run -p 8000:8080 -e Jwt__SigningKey=<32+ bytes> -e Media__UrlSigningKeys__0=<32+ other bytes> personamedia
# Configuration comes from environment variables only (see README, Operations).

# ---- console: the reference console's static files (clients/console, a Vite build over the SDK) ----
# Node 24 ships npm 11, which the console's lock file and Vite 8 need. The build stage copies dist/
# into the source tree, and the WebApi project publishes it as console/ (WebApi.csproj, PublishConsole).
FROM node:24-bookworm-slim AS console
WORKDIR /src
COPY clients/typescript/package.json clients/typescript/package-lock.json clients/typescript/
COPY clients/console/package.json clients/console/package-lock.json clients/console/
RUN cd clients/typescript && npm ci --no-audit --no-fund && cd ../console && npm ci --no-audit --no-fund
COPY clients/typescript/ clients/typescript/
COPY clients/console/ clients/console/
RUN node clients/console/scripts/build.mjs

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
WORKDIR /src

# Restore from the project files alone first: the restored layer is reused until a project or
# package version changes, not on every code change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Application/Application.csproj src/Application/
COPY src/Infrastructure/Infrastructure.csproj src/Infrastructure/
COPY src/WebApi/WebApi.csproj src/WebApi/
# linux-x64 only: the output carries no other platform's native libraries (SQLite's, libvips').
RUN dotnet restore src/WebApi/WebApi.csproj --runtime linux-x64

COPY src/ src/
COPY --from=console /src/clients/console/dist/ clients/console/dist/
RUN dotnet publish src/WebApi/WebApi.csproj --configuration Release --no-restore \
        --runtime linux-x64 --self-contained false --output /app/publish -p:UseAppHost=false

# ---- migrations: the EF Core bundle, one executable that applies the pending SQL Server migrations ----
FROM build AS bundle
COPY .config/dotnet-tools.json .config/
RUN dotnet tool restore \
    && dotnet ef migrations bundle --context SqlServerAppDbContext --project src/Infrastructure \
        --self-contained --target-runtime linux-x64 --output /out/efbundle

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0.12 AS migrations
COPY --from=bundle /out/efbundle /efbundle
COPY ops/sqlserver/migrate.sh /migrate.sh
USER $APP_UID
# Reads the migrator's password from /run/secrets and hands the bundle its connection string through
# the environment (PERSONAMEDIA_MIGRATIONS_CONNECTION), not its command line.
ENTRYPOINT ["/bin/bash", "/migrate.sh"]

# ---- runtime ----
# The Debian-based ASP.NET image ships ICU (culture data), which Microsoft.Data.SqlClient needs:
# it refuses Globalization Invariant Mode. A chiseled or Alpine base would need ICU added
# (the -extra chiseled variant, or `apk add icu-libs`); see README, SQL Server checklist.
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
WORKDIR /app

# Production requires Jwt__SigningKey and Media__UrlSigningKeys__0 (the service refuses to start without them) and hides
# development-only endpoints. 8080 is an unprivileged port, so the non-root user can bind it.
# 9464 serves only /metrics (Telemetry:MetricsPort), for a Prometheus on the same network; never publish it.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS="8080;9464"

# The content root is /app, so the SQLite database (data/) and the local file store (uploads/)
# resolve under it. Created here and owned by the image's non-root `app` user, so that a new
# named volume mounted on them starts with that ownership and the service can write to it.
RUN mkdir -p /app/data /app/uploads && chown app:app /app/data /app/uploads

COPY --from=build /app/publish .

# The numeric id of the image's `app` user, so that orchestrators can verify it is not root.
USER $APP_UID
EXPOSE 8080 9464
VOLUME ["/app/data", "/app/uploads"]

# The runtime image has no curl or wget; bash's /dev/tcp speaks just enough HTTP to ask
# /health/live and accept only a 200 status line, without adding a package to the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && IFS= read -r status <&3 && [[ $status == 'HTTP/1.1 200 '* ]]"]

ENTRYPOINT ["dotnet", "PersonaMedia.WebApi.dll"]
