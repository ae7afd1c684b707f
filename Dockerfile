# syntax=docker/dockerfile:1
# The service image, built from the sources (no local Maven or JDK needed): `docker compose up --build`.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY shared-kernel/ shared-kernel/
COPY member-command/ member-command/
COPY member-query/ member-query/
COPY notification-saga/ notification-saga/
COPY app/ app/
# The Maven repository is a build cache, so a rebuild after a source change does not download everything again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
RUN groupadd --system directory && useradd --system --gid directory --home-dir /app directory
WORKDIR /app
COPY --from=build /src/app/target/member-directory.jar /app/member-directory.jar
USER directory
EXPOSE 8080
# The throughput collector and C2 alone as the JIT, as in the README's start command (README, "JVM options").
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseParallelGC -XX:-TieredCompilation -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/member-directory.jar"]
