// The only C in the project: Swift's Foundation.Process cannot set rlimits or a process group
// in the child, and those must be in place before the untrusted simulator starts.
#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <string.h>
#include <sys/wait.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static void set_limit(int resource, unsigned long long value) {
    if (value == 0) return;
    struct rlimit rl = { (rlim_t)value, (rlim_t)value };
    setrlimit(resource, &rl);
}

pid_t csandbox_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
                     const csandbox_limits *limits, int stdout_fd, int stderr_fd) {
    pid_t parent = getpid();
    // _Fork, not fork: fork runs pthread_atfork handlers, and OpenBLAS (linked into the same
    // process for the policy model) registers one that joins its worker threads, which can
    // deadlock. The child below only makes async-signal-safe calls, which is all _Fork allows.
    pid_t pid = _Fork();
    if (pid < 0) return -errno;
    if (pid > 0) {
        // Also set the group from the parent, so a kill(-pid) right after spawn cannot miss it.
        setpgid(pid, pid);
        return pid;
    }
    // Child: only async-signal-safe calls from here to exec.
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(126);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) { dup2(devnull, 0); }
    dup2(stdout_fd, 1);
    dup2(stderr_fd, 2);
    if (syscall(SYS_close_range, 3, ~0U, 0) != 0) {
        for (int fd = 3; fd < 4096; fd++) close(fd);
    }
    if (cwd && chdir(cwd) != 0) {
        static const char msg[] = "csandbox: cannot enter the run directory\n";
        write(2, msg, sizeof msg - 1);
        _exit(126);
    }
    if (limits->run_as_uid >= 0) {
        // Drop root: the design then cannot write outside its run directory, and RLIMIT_NPROC
        // (ignored for root) takes effect.
        // Raw system calls: glibc's setuid() signals every thread it believes exists, and in a
        // child forked from a multi-threaded parent that bookkeeping is not to be trusted.
        uid_t u = (uid_t)limits->run_as_uid;
        gid_t g = (gid_t)limits->run_as_gid;
        if (syscall(SYS_setgroups, 0, NULL) != 0 || syscall(SYS_setresgid, g, g, g) != 0 ||
            syscall(SYS_setresuid, u, u, u) != 0) {
            static const char msg[] = "csandbox: cannot switch to the sandbox user\n";
            write(2, msg, sizeof msg - 1);
            _exit(126);
        }
    }
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    set_limit(RLIMIT_CPU, limits->cpu_seconds);
    set_limit(RLIMIT_AS, limits->address_space);
    set_limit(RLIMIT_FSIZE, limits->file_size);
    set_limit(RLIMIT_NPROC, limits->process_count);
    set_limit(RLIMIT_NOFILE, limits->open_files);
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);
    execve(path, argv, envp);
    _exit(127);
}

int csandbox_pipe(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : -errno;
}

int csandbox_exited(pid_t pid) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) return -errno;
    return info.si_pid == pid ? 1 : 0;
}
