#include "io/import/MappedFile.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <sys/mman.h>
#include <unistd.h>

namespace vanadis {

namespace {

// The live mappings, in a fixed table of atomics: the SIGBUS handler reads it without locks.
constexpr int kSlots = 32;
struct Slot {
    std::atomic<std::uintptr_t> begin{0};
    std::atomic<std::uintptr_t> end{0};
    std::atomic<std::atomic<bool>*> damaged{nullptr};
};
Slot g_slots[kSlots];
std::mutex g_slotMutex;
struct sigaction g_previous {};
std::once_flag g_handlerOnce;

size_t pageSize()
{
    static const size_t p = size_t(::sysconf(_SC_PAGESIZE));
    return p;
}

void onSigbus(int sig, siginfo_t* info, void* context)
{
    const auto addr = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (Slot& s : g_slots) {
        const std::uintptr_t b = s.begin.load(), e = s.end.load();
        if (b == 0 || addr < b || addr >= e) continue;
        // The file is shorter than when it was mapped: put zero pages over the rest of the mapping, note
        // the damage, and let the reader carry on to its (refused) end.
        const std::uintptr_t page = addr & ~(std::uintptr_t(pageSize()) - 1);
        void* r = ::mmap(reinterpret_cast<void*>(page), size_t(e - page), PROT_READ,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (r == MAP_FAILED) break;
        if (auto* d = s.damaged.load()) d->store(true);
        return;
    }
    // Not ours: whatever handled SIGBUS before (by default, the process ends).
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) return g_previous.sa_sigaction(sig, info, context);
    } else if (g_previous.sa_handler != SIG_IGN && g_previous.sa_handler != SIG_DFL) {
        return g_previous.sa_handler(sig);
    }
    ::signal(SIGBUS, SIG_DFL);
}

void installHandler()
{
    struct sigaction sa {};
    sa.sa_sigaction = onSigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGBUS, &sa, &g_previous);
}

} // namespace

Expected<std::unique_ptr<MappedFile>> MappedFile::map(int fd, qint64 size, const std::string& fileName)
{
    std::call_once(g_handlerOnce, installHandler);
    std::unique_ptr<MappedFile> m(new MappedFile);
    const size_t page = pageSize();
    // One page more than the file: the byte after the data is a zero, whatever the file's length.
    m->m_reserved = (size_t(size) + page) / page * page + page;
    void* base = ::mmap(nullptr, m->m_reserved, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return fail(fileName, "", "not enough address space to read this file");
    m->m_data = static_cast<char*>(base);
    m->m_size = size;
    if (size > 0 &&
        ::mmap(base, size_t(size), PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_NORESERVE, fd, 0) == MAP_FAILED) {
        const int e = errno;
        ::munmap(base, m->m_reserved);
        m->m_data = nullptr;
        return fail(fileName, "", std::string("the file cannot be read (") + std::strerror(e) + ")");
    }
    ::madvise(base, size_t(size), MADV_SEQUENTIAL);
    std::lock_guard lock(g_slotMutex);
    for (int k = 0; k < kSlots; ++k) {
        if (g_slots[k].begin.load() != 0) continue;
        g_slots[k].damaged.store(&m->m_damaged);
        g_slots[k].end.store(reinterpret_cast<std::uintptr_t>(base) + size_t(size));
        g_slots[k].begin.store(reinterpret_cast<std::uintptr_t>(base));
        m->m_slot = k;
        return m;
    }
    // Every slot taken (32 huge imports at once): without the guard a file cut short could crash us.
    return fail(fileName, "", "too many large files are being read at once; try again");
}

MappedFile::~MappedFile()
{
    if (m_slot >= 0) {
        std::lock_guard lock(g_slotMutex);
        g_slots[m_slot].begin.store(0);
        g_slots[m_slot].end.store(0);
        g_slots[m_slot].damaged.store(nullptr);
    }
    if (m_data) ::munmap(m_data, m_reserved);
}

void MappedFile::releaseResident(const char* begin, const char* end)
{
    const auto b = reinterpret_cast<std::uintptr_t>(begin);
    const auto e = reinterpret_cast<std::uintptr_t>(end);
    const std::uintptr_t page = pageSize();
    for (const Slot& s : g_slots) {
        const std::uintptr_t sb = s.begin.load(), se = s.end.load();
        if (sb == 0 || b < sb || e > se) continue;
        // Whole pages only: a page shared with bytes not yet read would simply be read again, but there
        // is no point in giving it back.
        const std::uintptr_t lo = (b + page - 1) & ~(page - 1);
        const std::uintptr_t hi = e & ~(page - 1);
        if (hi > lo) ::madvise(reinterpret_cast<void*>(lo), size_t(hi - lo), MADV_DONTNEED);
        return;
    }
}

} // namespace vanadis
