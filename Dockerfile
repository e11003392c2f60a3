# The server image: the runnable jar that serves REST at /api/v1 and MCP at /mcp. Built from a jar packaged on the
# host, so `docker build` fetches nothing but the base image:
#   ./mvnw -B -DskipTests package && docker compose up --build
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --home-dir /app ainstruct
WORKDIR /app
COPY --chown=ainstruct adapter-rest/target/ainstruct-rest.jar /app/ainstruct-rest.jar
USER ainstruct

EXPOSE 8080
# The container's memory limit decides the heap; the embedded ONNX model and the request buffers live off it too.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-jar", "/app/ainstruct-rest.jar"]
