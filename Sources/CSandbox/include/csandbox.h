#ifndef CSANDBOX_H
#define CSANDBOX_H

#include <sys/types.h>

/// Resource limits applied in the child before exec. Zero means "leave as inherited".
typedef struct {
    unsigned long long cpu_seconds;      // RLIMIT_CPU
    unsigned long long address_space;    // RLIMIT_AS, bytes
    unsigned long long file_size;        // RLIMIT_FSIZE, bytes
    unsigned long long process_count;    // RLIMIT_NPROC
    unsigned long long open_files;       // RLIMIT_NOFILE
    int run_as_uid;                      // switch to this user (and group) when >= 0
    int run_as_gid;
} csandbox_limits;

/// Starts `path` with `argv`/`envp` in directory `cwd`, as the leader of a new process group
/// (so the whole group can be killed), with stdin from /dev/null, stdout/stderr on the given
/// descriptors, the limits applied, every other descriptor closed, every signal at its default
/// and unblocked, and SIGKILL delivered if the calling thread exits. Returns the child's pid, or
/// -errno when it cannot be created. The child exits with status 127 when exec fails, and 126
/// when its set-up does (with a message on stderr).
pid_t csandbox_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
                     const csandbox_limits *limits, int stdout_fd, int stderr_fd);

/// 1 when `pid` has exited (it stays a zombie, not reaped, so its process group id cannot be
/// reused before the group is killed), 0 while it runs, -errno on error.
int csandbox_exited(pid_t pid);

/// This process's dumpable flag (PR_GET_DUMPABLE: 1 normally), which starting a tool as another
/// user must leave as it was.
int csandbox_dumpable(void);

/// pipe2(O_CLOEXEC), so descriptors never leak into a concurrently spawned child. 0 or -errno.
int csandbox_pipe(int fds[2]);

#endif
