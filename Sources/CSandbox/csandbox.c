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
#include <stdatomic.h>
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

/// This process's dumpable flag before its first spawn (-1 until then).
static _Atomic int process_dumpable = -1;

static void fail(const char *message, size_t length) {
    write(2, message, length);
    _exit(126);
}
#define FAIL(text) fail(text, sizeof text - 1)

/// The child, on its own small stack but in the parent's address space (CLONE_VM), using the
/// parent thread's TLS while that thread sleeps. So, from here to exec: system calls and thin
/// libc wrappers only, nothing that takes a libc lock or allocates, and nothing that writes
/// memory the parent owns beyond errno. (glibc's setuid() is async-signal-safe and still
/// wrong here: it signals the threads of the process it believes it is in, the parent's.)
/// The binary is linked with -z now, so no symbol is bound lazily in here.
static int spawn_child(void *argument) {
    const spawn_request *r = argument;
    // Every signal back to its default before any is unblocked: a handler the parent installed
    // would run on shared memory, and an ignored signal would stay ignored across exec (SIGPIPE,
    // SIGCHLD, SIGHUP under nohup). The table is the child's own copy (no CLONE_SIGHAND). The
    // raw call also reaches glibc's two internal signals, which its sigaction() refuses; an
    // all-zero kernel sigaction is SIG_DFL with no flags on every architecture.
    for (int sig = 1; sig < _NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        const unsigned long default_action[4] = { 0, 0, 0, 0 };
        syscall(SYS_rt_sigaction, sig, default_action, NULL, sizeof(unsigned long));
    }
    if (setpgid(0, 0) != 0) FAIL("csandbox: cannot start a process group\n");
    // Descriptors: the pipes may sit on 0-2 when the parent has those closed, so they move above
    // 2 before anything is duplicated onto 0-2 (F_DUPFD copies are not close-on-exec).
    int out = r->stdout_fd, err = r->stderr_fd;
    if (out < 3) out = fcntl(out, F_DUPFD, 3);
    if (err < 3) err = fcntl(err, F_DUPFD, 3);
    int devnull = open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || devnull < 0) FAIL("csandbox: cannot set up the standard streams\n");
    if (devnull != 0 && dup2(devnull, 0) != 0) FAIL("csandbox: cannot set up the standard streams\n");
    if (dup2(out, 1) != 1 || dup2(err, 2) != 2) FAIL("csandbox: cannot set up the standard streams\n");
    if (syscall(SYS_close_range, 3, ~0U, 0) != 0) {
        for (int fd = 3; fd < 4096; fd++) close(fd);
    }
    if (r->cwd && chdir(r->cwd) != 0) FAIL("csandbox: cannot enter the run directory\n");
    const csandbox_limits *limits = r->limits;
    if (limits->run_as_uid >= 0) {
        // Drop root: the design then cannot write outside its run directory, and RLIMIT_NPROC
        // (ignored for root) takes effect. Raw system calls, see above.
        uid_t u = (uid_t)limits->run_as_uid;
        gid_t g = (gid_t)limits->run_as_gid;
        if (syscall(SYS_setgroups, 0, NULL) != 0 || syscall(SYS_setresgid, g, g, g) != 0 ||
            syscall(SYS_setresuid, u, u, u) != 0) {
            FAIL("csandbox: cannot switch to the sandbox user\n");
        }
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) FAIL("csandbox: cannot set no_new_privs\n");
    // After the switch of user, which clears the death signal.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != r->parent) _exit(126);
    set_limit(RLIMIT_CPU, limits->cpu_seconds);
    set_limit(RLIMIT_AS, limits->address_space);
    set_limit(RLIMIT_FSIZE, limits->file_size);
    set_limit(RLIMIT_NPROC, limits->process_count);
    set_limit(RLIMIT_NOFILE, limits->open_files);
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(r->path, r->argv, r->envp);
    _exit(127);
}

pid_t csandbox_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
                     const csandbox_limits *limits, int stdout_fd, int stderr_fd) {
    // clone(CLONE_VM | CLONE_VFORK), not fork: a fork copies the page tables of the whole
    // process, which holds a policy model and its caches during evaluation and training; that
    // copy and its teardown took about as long as running the simulator. (Nor fork's
    // pthread_atfork handlers: OpenBLAS registers one that joins its worker threads.) The
    // calling thread sleeps until the child has exec'd or exited, so the child may read this
    // frame, and the process group is in place before this function returns.
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    const size_t stack_size = 64 * 1024, mapped = stack_size + page;
    char *stack = mmap(NULL, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) return -errno;
    // A guard page below the stack: an overflow faults instead of writing the parent's memory.
    if (mprotect(stack, page, PROT_NONE) != 0) {
        int error = errno;
        munmap(stack, mapped);
        return -error;
    }
    // A user switch in the child resets the dumpable flag of the memory it shares with this
    // process (core dumps, ptrace, /proc ownership); it is put back below, to the value read
    // before any spawn, since one read now could see another spawn's child's change.
    int expected = -1;
    atomic_compare_exchange_strong(&process_dumpable, &expected, prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
    const int dumpable = atomic_load(&process_dumpable);
    // No handler may run in the child before it has reset them. (glibc keeps its two internal
    // signals out of this mask; their handlers act only on signals a process sends itself.)
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    spawn_request request = {
        path, argv, envp, cwd, limits, stdout_fd, stderr_fd, getpid(),
    };
    pid_t pid = clone(spawn_child, stack + mapped, CLONE_VM | CLONE_VFORK | SIGCHLD, &request);
    int error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    if (dumpable >= 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != dumpable) prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0);
    munmap(stack, mapped);
    return pid < 0 ? -error : pid;
}

int csandbox_dumpable(void) {
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
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
