# A one-node Slurm cluster on this machine, for tests: munged, slurmctld and
# slurmd on localhost with a generated configuration, everything (keys,
# sockets, state, logs) under one directory. Sourced by tests/slurm/run.sh:
#
#   . tests/slurm/cluster.sh
#   cluster_start DIR     starts it; exports SLURM_CONF for sbatch & co.
#   cluster_stop          stops what cluster_start started (call it from a trap)
#
# Runs as root, as in a container: no cgroups (proctrack/linuxproc,
# task/none), no accounting, no systemd. Ports: $SLURM_TEST_PORT (default
# 16817) for slurmctld and the next one for slurmd, away from a real
# cluster's 6817/6818.

cluster_start() {
    CL_DIR=$1
    mkdir -p "$CL_DIR/state" "$CL_DIR/spool" "$CL_DIR/munge"
    chmod 700 "$CL_DIR/munge"
    port=${SLURM_TEST_PORT:-16817}
    node=$(hostname -s)
    cpus=$(nproc)
    # munge: its own key and socket, so it never meets a system munged
    dd if=/dev/urandom of="$CL_DIR/munge/munge.key" bs=1024 count=1 2>/dev/null
    chmod 400 "$CL_DIR/munge/munge.key"
    munged --force --key-file="$CL_DIR/munge/munge.key" \
        --socket="$CL_DIR/munge/munge.socket" --pid-file="$CL_DIR/munge/munged.pid" \
        --log-file="$CL_DIR/munge/munged.log" --seed-file="$CL_DIR/munge/munged.seed" ||
        { echo "cluster: munged did not start" >&2; return 1; }
    cat > "$CL_DIR/slurm.conf" <<CONF
ClusterName=annals-test
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$CL_DIR/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$CL_DIR/state
SlurmdSpoolDir=$CL_DIR/spool
SlurmctldPidFile=$CL_DIR/slurmctld.pid
SlurmdPidFile=$CL_DIR/slurmd.pid
SlurmctldLogFile=$CL_DIR/slurmctld.log
SlurmdLogFile=$CL_DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=600
# small, so that the 8 shards of the test take two job arrays
MaxArraySize=4
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
    export SLURM_CONF="$CL_DIR/slurm.conf"
    slurmctld -f "$SLURM_CONF" || { echo "cluster: slurmctld did not start" >&2; return 1; }
    slurmd -f "$SLURM_CONF" -N "$node" || { echo "cluster: slurmd did not start" >&2; return 1; }
    # wait for the node to be idle
    i=0
    while [ $i -lt 60 ]; do
        state=$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1)
        case $state in idle*) return 0 ;; esac
        sleep 1
        i=$((i + 1))
    done
    echo "cluster: the node did not come up (state: ${state:-none}); logs in $CL_DIR" >&2
    return 1
}

cluster_stop() {
    [ -n "${CL_DIR:-}" ] || return 0
    for p in "$CL_DIR/slurmd.pid" "$CL_DIR/slurmctld.pid" "$CL_DIR/munge/munged.pid"; do
        [ -s "$p" ] || continue
        pid=$(cat "$p")
        kill "$pid" 2>/dev/null || continue
        i=0
        # gone, or a zombie its parent has not reaped yet
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 20 ] &&
              [ "$(awk '/^State:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)" != Z ]; do
            sleep 0.5
            i=$((i + 1))
        done
        kill -9 "$pid" 2>/dev/null || true
    done
    CL_DIR=
}
