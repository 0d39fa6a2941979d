# The service's image, built from this repository: docker compose build (or docker build -t assignment-service .)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY events-schema events-schema
COPY assignment-engine assignment-engine
COPY assignment-service assignment-service
# The image talks to an external registry, so the embedded Apicurio server is not unpacked (mdep.skip).
RUN ./mvnw -B -q -DskipTests -Dmdep.skip=true package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 staffing
USER staffing
WORKDIR /app
COPY --from=build /src/assignment-service/target/assignment-service.jar app.jar
# Nothing embedded in a container: Kafka, the registry and the database come from the environment.
ENV STAFFING_EMBEDDED_ENABLED=false \
    STAFFING_DATA_DIR=/tmp/staffing-data
EXPOSE 8080
# G1 aims at pauses of 20 ms, not its default 200: the default's large young generation paused ingest for 35 to
# 63 ms every 3 to 5 s at 1,000 events/s, and with 20 ms the p99 latency there fell from 51 to 40 ms (README,
# Benchmarks). The load benchmark starts the service with the same option (ServiceProcess.IMAGE_JVM_OPTIONS).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:MaxGCPauseMillis=20", "-jar", "/app/app.jar"]
