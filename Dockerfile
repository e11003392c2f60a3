# The server image: the one runnable jar, which serves REST at /api/v1, MCP at /mcp and the dashboard at /app (its
# `serve` command, the default) and runs the operator's commands (`docker compose run --rm rest migrate --help`).
# Built from a jar packaged on the host, so `docker build` fetches nothing but the base image:
#   ./mvnw -B -DskipTests package && docker compose up --build
FROM eclipse-temurin:17-jre

RUN useradd --system --uid 10001 --home-dir /app ainstruct
WORKDIR /app
COPY --chown=ainstruct server/target/ainstruct.jar /app/ainstruct.jar
USER ainstruct

EXPOSE 8080
# The container's memory limit decides the heap; the embedded ONNX model and the request buffers live off it too.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-jar", "/app/ainstruct.jar"]
CMD ["serve"]
