# Meerkat container image, built from the distribution tarball (there is no published image: build
# and push it yourself). From the repository root:
#
#   ./mvnw -DskipTests package -pl meerkat-dist -am
#   docker build -t registry.example.com/meerkat:0.1.0-SNAPSHOT .
#
# The node runs in the foreground as an unprivileged user (uid 10001). Configuration is
# /opt/meerkat/etc/meerkat.toml (mount your own over /opt/meerkat/etc); generated keys, the
# self-signed certificate and the embedded database (when no PostgreSQL is configured) go to
# /opt/meerkat/var. Environment: MEERKAT_JAVA_OPTS, MEERKAT_ULIMIT_NOFILE, MEERKAT_NODE_NAME,
# MEERKAT_NODE_IP and the variables your configuration names with {env = "..."}; see
# docs/clustering.md.
FROM eclipse-temurin:21-jre

ARG MEERKAT_VERSION=0.1.0-SNAPSHOT

RUN groupadd --system --gid 10001 meerkat \
 && useradd --system --uid 10001 --gid meerkat --home-dir /opt/meerkat --no-create-home \
      --shell /usr/sbin/nologin meerkat

# A local tar.gz given to ADD is unpacked.
ADD meerkat-dist/target/meerkat-${MEERKAT_VERSION}.tar.gz /opt/
RUN mv /opt/meerkat-${MEERKAT_VERSION} /opt/meerkat \
 && mkdir /opt/meerkat/var \
 && chown meerkat:meerkat /opt/meerkat/var

ENV PATH=/opt/meerkat/bin:$PATH
WORKDIR /opt/meerkat
# Numeric, so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001

# 5222 clients (STARTTLS), 5223 clients (Direct TLS), 5551 admin GraphQL API (bound to 127.0.0.1
# by the default configuration: reach it with "docker exec ... meerkatctl"), 5561 user GraphQL
# API, 9091 metrics and health probes, 9100 cluster links between nodes. 5269 and 5280 are the
# customary server-to-server and BOSH/WebSocket ports: Meerkat has no listener for those protocols
# yet, so nothing answers there.
EXPOSE 5222 5223 5269 5280 5551 5561 9091 9100

ENTRYPOINT ["/opt/meerkat/bin/meerkat"]
CMD ["foreground"]
