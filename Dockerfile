# syntax=docker/dockerfile:1
#
# Orden container image: multi-stage build.
#
#   docker build -t orden:0.1.0 .
#   docker run --rm -p 9080:9080 \
#     -e ORDEN_DB_HOST=... -e ORDEN_DB_PASSWORD=... -e ORDEN_DB_APP_PASSWORD=... \
#     -e ORDEN_KC_URL=https://keycloak.example.com -e ORDEN_KC_ADMIN_CLIENT_SECRET=... \
#     orden:0.1.0
#
# Build args:
#   LIBERTY_IMAGE  runtime base image (default: Open Liberty 26.0.0.3, kernel-slim,
#                  IBM Semeru 25 / OpenJ9, UBI 9 minimal). The versionless tag
#                  "kernel-slim-java25-openj9-ubi-minimal" follows the newest release.
#   MAVEN_IMAGE    build image (Maven 3.9 on Eclipse Temurin 25).
#   OPENJ9_SCC     "true" (default) warms the OpenJ9 shared class cache at build time
#                  (starts the server a few times; slower build, faster pod start).
#                  "false" skips it.
#   VERBOSE        "true" prints the output of features.sh / configure.sh.
#
# The build context is filtered by .dockerignore (allow-list): only pom.xml, .mvn/,
# mvnw, plugins/, app/, server.xml and tenant-config/ are sent.

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-25
ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java25-openj9-ubi-minimal

# ---------------------------------------------------------------------------
# Stage 1: build the WAR (and stage the PostgreSQL JDBC driver) with Maven.
# ---------------------------------------------------------------------------
FROM ${MAVEN_IMAGE} AS build
WORKDIR /workspace

COPY . .

# The image's own Maven 3.9 is used instead of ./mvnw so that the build needs no
# extra download of a Maven distribution; the local repository is a BuildKit cache
# mount, so dependencies are fetched once per builder, not once per build.
RUN --mount=type=cache,target=/root/.m2/repository \
    mvn -B -ntp -DskipTests package \
 && test -f app/target/orden.war \
 && test -f app/target/liberty-lib/postgresql.jar

# ---------------------------------------------------------------------------
# Stage 2: runtime on Open Liberty.
# ---------------------------------------------------------------------------
FROM ${LIBERTY_IMAGE}

ARG VERSION=0.1.0
ARG REVISION=unknown
ARG OPENJ9_SCC=true
ARG VERBOSE=false

LABEL org.opencontainers.image.title="orden" \
      org.opencontainers.image.description="Orden - multi-tenant work-order management (Open Liberty)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"

# Other ORDEN_* settings have their defaults in server.xml (local-development values)
# and are overridden at run time (the helm chart sets them all). Secrets
# (ORDEN_DB_PASSWORD, ORDEN_DB_APP_PASSWORD, ORDEN_KC_ADMIN_CLIENT_SECRET) must be
# supplied by the runtime environment.
# ORDEN_HTTP_HOST: server.xml defaults to 127.0.0.1 for local development; a
# container must listen on all interfaces.
ENV OPENJ9_SCC=${OPENJ9_SCC} \
    ORDEN_HTTP_HOST="*" \
    ORDEN_HTTP_PORT=9080

# 1. Server configuration first, then install exactly the features it lists
#    (kernel-slim ships without features; features.sh runs featureUtility).
COPY --chown=1001:0 server.xml /config/server.xml
RUN features.sh

# 2. JDBC driver, referenced by server.xml as ${server.config.dir}/lib/jdbc/postgresql.jar.
COPY --chown=1001:0 --from=build /workspace/app/target/liberty-lib/postgresql.jar /config/lib/jdbc/postgresql.jar

# 3. The application. server.xml declares it (webApplication location="orden.war"),
#    which Liberty resolves against ${server.config.dir}/apps/.
COPY --chown=1001:0 --from=build /workspace/app/target/orden.war /config/apps/orden.war

# 4. Apply interim fixes, generate the default keystore and (OPENJ9_SCC=true)
#    populate the shared class cache. During this step the server is started without
#    a database; the application is expected to fail its Flyway step, which is harmless.
RUN configure.sh

# Already the base image's user; stated explicitly. Files are owned 1001:0 and
# group-writable, so an arbitrary UID in group 0 (OpenShift) works too.
USER 1001

EXPOSE 9080

# For plain `docker run`; Kubernetes ignores HEALTHCHECK and uses the chart's probes.
# curl is present in the UBI minimal base of the Liberty images.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${ORDEN_HTTP_PORT:-9080}/health/ready" || exit 1

# ENTRYPOINT/CMD inherited from the base image:
#   /opt/ol/helpers/runtime/docker-server.sh /opt/ol/wlp/bin/server run defaultServer
