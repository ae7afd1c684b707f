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
# the tests' launcher, client and token minter: app compiles its tests against it (-DskipTests still compiles them)
COPY test-support/ test-support/
COPY app/ app/
# The Maven repository is a build cache, so a rebuild after a source change does not download everything again.
# (the class-data-sharing archive is made in the runtime image below, by the JVM that will use it)
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -DskipCds package -pl app -am

FROM eclipse-temurin:17-jre
RUN groupadd --system directory && useradd --system --gid directory --home-dir /app directory
WORKDIR /app
# The extracted jar (member-directory.jar + lib/), as the README's start command runs it.
COPY --from=build /src/app/target/app/ /app/
COPY app/jvm.options /app/jvm.options
# A class-data-sharing archive of a start, made by this image's JVM: one training start that exits once the
# application context is up (docs/jvm-options.md).
RUN java @/app/jvm.options -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit=/app/member-directory.jsa \
        -Dspring.context.exit=onRefresh -jar /app/member-directory.jar \
        --directory.embedded-store.path=/tmp/cds-training --directory.security.jwt-secret=class-data-sharing-training-run-only-secret \
        --directory.security.primary-admin=cds-training --server.port=0 --logging.level.root=WARN \
    && rm -rf /tmp/cds-training
USER directory
EXPOSE 8080
# The JVM options of the README's start command, from the same file (docs/jvm-options.md).
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/member-directory.jsa", "-jar", "/app/member-directory.jar"]
