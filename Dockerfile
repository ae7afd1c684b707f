# syntax=docker/dockerfile:1
# The service image, built from the sources (no local Maven or JDK needed): `docker compose up --build`.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY shared-kernel/ shared-kernel/
COPY member-command/ member-command/
COPY member-query/ member-query/
COPY notification-saga/ notification-saga/
COPY embedded-event-store/ embedded-event-store/
COPY embedded-read-model-store/ embedded-read-model-store/
COPY app/ app/
# The Maven repository is a build cache, so a rebuild after a source change does not download everything again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
RUN groupadd --system directory && useradd --system --gid directory --home-dir /app directory
WORKDIR /app
COPY --from=build /src/app/target/member-directory.jar /app/member-directory.jar
COPY app/jvm.options /app/jvm.options
USER directory
EXPOSE 8080
# The JVM options of the README's start command, from the same file (docs/jvm-options.md).
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/member-directory.jar"]
