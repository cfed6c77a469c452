# Doorbraak container image.
#   docker build -t doorbraak .
#   docker compose up          (see docker-compose.yml: PostgreSQL + Mailpit + the app)
# The image starts with the `postgres` profile: it needs DB_URL, DB_USER, DB_PASSWORD,
# ADMIN_USER and ADMIN_PASSWORD from the environment and seeds no demo users.

# ---- build stage -------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# The wrapper and the POM first: the dependency download below is cached in its own
# layer and only repeats when pom.xml (or the wrapper) changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# The sources, the process models and the forms (processes/ and forms/ are Maven resources).
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
RUN ./mvnw -B -DskipTests package

# ---- runtime stage -----------------------------------------------------------
FROM eclipse-temurin:17-jre

# An unprivileged system user; the numeric id lets orchestrators check runAsNonRoot.
RUN groupadd --system --gid 10001 doorbraak \
 && useradd --system --uid 10001 --gid doorbraak --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin doorbraak \
 && mkdir -p /app \
 && chown doorbraak:doorbraak /app
WORKDIR /app

COPY --from=build --chown=doorbraak:doorbraak /build/target/doorbraak-*.jar /app/app.jar

ENV SPRING_PROFILES_ACTIVE=postgres
# Without a maximum the JVM takes a quarter of the memory it sees (6 GB on a 24 GiB host without a
# container limit) and the heap grows towards it under load: 940 MB resident after a minute of
# API load. 384 MB is four times the live data after warm-up (~85 MB); the process then stays near
# 520 MB resident (docs/benchmarks.md, "Footprint"). Override the variable to change it.
ENV JAVA_TOOL_OPTIONS="-Xmx384m"
USER 10001:10001
EXPOSE 8080

# No HEALTHCHECK here: the JRE image has no curl or wget. docker-compose.yml probes
# /actuator/health with bash's /dev/tcp instead.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
