# Sourced by the bench scripts (from the repository root): which server jar they measure, how it is built, and the
# command line the reports record.
#   SERVER_JAR     the runnable server jar (default server/target/ainstruct.jar)
#   SERVER_MODULE  the Maven module that builds it (default server)
#   SKIP_BUILD=1   reuse the jars already built
# A tree that still builds the jar in adapter-rest:
#   SERVER_MODULE=adapter-rest SERVER_JAR=adapter-rest/target/ainstruct-rest.jar bench/<script>.sh
SERVER_MODULE=${SERVER_MODULE:-server}
SERVER_JAR=${SERVER_JAR:-server/target/ainstruct.jar}
BENCH_JAR=bench/target/ainstruct-bench.jar

# build MODULE...: packages the modules and what they are made of; test sources are neither compiled nor run.
build() {
    [[ "${SKIP_BUILD:-0}" == 1 ]] && return 0
    local modules
    modules=$(IFS=,; echo "$*")
    echo "[bench] building: ./mvnw -B -q -Dmaven.test.skip=true -pl $modules -am package"
    ./mvnw -B -q -Dmaven.test.skip=true -pl "$modules" -am package
}

# recorded_command SCRIPT ARG...: the command line as a shell would take it back, for the report.
recorded_command() {
    local line=$1 arg
    shift
    for arg in "$@"; do
        if [[ "$arg" =~ ^[A-Za-z0-9_./:=@,+-]+$ ]]; then
            line+=" $arg"
        else
            line+=" '${arg//\'/\'\\\'\'}'"
        fi
    done
    echo "$line"
}
