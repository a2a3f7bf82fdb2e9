// The only C in the project: Swift's Foundation.Process cannot set rlimits or a process group
// in the child, and those must be in place before the untrusted simulator starts.
#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
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

/// What the child needs, in memory it shares with the parent until exec.
typedef struct {
    const char *path;
    char *const *argv;
    char *const *envp;
    const char *cwd;
    const csandbox_limits *limits;
    int stdout_fd, stderr_fd;
    pid_t parent;
} spawn_request;

/// The child, on its own small stack but in the parent's address space (CLONE_VM): only
/// system calls and async-signal-safe functions from here to exec, and nothing that writes
/// memory the parent owns beyond errno.
static int spawn_child(void *argument) {
    const spawn_request *r = argument;
    // A handler the parent installed would run here on shared memory: every caught signal goes
    // back to its default before signals are unblocked (as glibc's posix_spawn does). The
    // handler table is the child's own copy (no CLONE_SIGHAND).
    for (int sig = 1; sig < _NSIG; sig++) {
        struct sigaction action;
        if (sigaction(sig, NULL, &action) != 0) continue;
        if (action.sa_handler == SIG_DFL || (action.sa_handler == SIG_IGN && sig != SIGPIPE)) continue;
        memset(&action, 0, sizeof action);
        action.sa_handler = SIG_DFL;
        sigaction(sig, &action, NULL);
    }
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != r->parent) _exit(126);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (devnull >= 0) { dup2(devnull, 0); }
    dup2(r->stdout_fd, 1);
    dup2(r->stderr_fd, 2);
    if (syscall(SYS_close_range, 3, ~0U, 0) != 0) {
        for (int fd = 3; fd < 4096; fd++) close(fd);
    }
    if (r->cwd && chdir(r->cwd) != 0) {
        static const char msg[] = "csandbox: cannot enter the run directory\n";
        write(2, msg, sizeof msg - 1);
        _exit(126);
    }
    const csandbox_limits *limits = r->limits;
    if (limits->run_as_uid >= 0) {
        // Drop root: the design then cannot write outside its run directory, and RLIMIT_NPROC
        // (ignored for root) takes effect.
        // Raw system calls: glibc's setuid() signals every thread it believes the process has,
        // which here are the parent's threads.
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
    execve(r->path, r->argv, r->envp);
    _exit(127);
}

pid_t csandbox_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
                     const csandbox_limits *limits, int stdout_fd, int stderr_fd) {
    // clone(CLONE_VM | CLONE_VFORK), not fork: a fork copies the page tables of the whole
    // process, which holds a policy model and its caches during evaluation and training; that
    // copy and its teardown took about as long as running the simulator. (Nor fork's
    // pthread_atfork handlers: OpenBLAS registers one that joins its worker threads.) The
    // calling thread sleeps until the child has exec'd or exited, so the child may use memory
    // of this frame, and the process group is in place before this function returns.
    enum { stack_size = 64 * 1024 };
    void *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) return -errno;
    // No signal handler may run in the child before it has reset them.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    spawn_request request = {
        path, argv, envp, cwd, limits, stdout_fd, stderr_fd, getpid(),
    };
    pid_t pid = clone(spawn_child, (char *)stack + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD, &request);
    int error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    munmap(stack, stack_size);
    return pid < 0 ? -error : pid;
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
