#include "io/ZipArchive.h"

#include "io/MessageText.h"

#include <zip.h>

namespace vanadis {

struct ZipArchive::Impl {
    QByteArray bytes; // libzip reads from this buffer; it must live as long as the archive
    zip_t* archive = nullptr;
    std::string file;
    std::vector<zip_uint64_t> indices; // of m_names, same order
    std::vector<qint64> sizes;         // declared uncompressed sizes, -1 when not given

    ~Impl()
    {
        if (archive) zip_discard(archive); // read-only: nothing to write back
    }
};

namespace {

std::string zipErrorText(zip_error_t* e)
{
    const char* s = zip_error_strerror(e);
    return s ? std::string(s) : std::string("unknown zip error");
}

/// The reason for a libzip open error code, in words.
std::string openReason(int code)
{
    switch (code) {
    case ZIP_ER_NOZIP:
        return "this is not a zip archive (no central directory found)";
    case ZIP_ER_INCONS:
        return "the zip archive is inconsistent (damaged or cut short)";
    case ZIP_ER_MULTIDISK:
        return "multi-part zip archives are not supported";
    case ZIP_ER_MEMORY:
        return "not enough memory to open the zip archive";
    case ZIP_ER_CRC:
        return "the zip archive fails its checksum (damaged)";
    default: {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        std::string s = "the zip archive cannot be opened (" + zipErrorText(&e) + ")";
        zip_error_fini(&e);
        return s;
    }
    }
}

std::string entryAt(const QString& name)
{
    return "zip entry '" + messageText(name) + "'";
}

std::string sizeText(qint64 bytes)
{
    if (bytes >= 10'000'000) return std::to_string(bytes / 1'000'000) + " MB";
    if (bytes >= 10'000) return std::to_string(bytes / 1000) + " kB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Expected<ZipArchive> ZipArchive::open(const QByteArray& bytes, const QString& fileName)
{
    auto impl = std::make_unique<Impl>();
    impl->bytes = bytes;
    impl->file = fileName.toStdString();
    if (bytes.size() < 22) // smaller than an end-of-central-directory record
        return fail(impl->file, "", "this is not a zip archive (" + std::to_string(bytes.size()) + " bytes)");

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src =
        zip_source_buffer_create(impl->bytes.constData(), zip_uint64_t(impl->bytes.size()), 0, &error);
    if (!src) {
        const std::string why = zipErrorText(&error);
        zip_error_fini(&error);
        return fail(impl->file, "", "the zip archive cannot be read (" + why + ")");
    }
    // ZIP_CHECKCONS compares the central directory with the local headers, so that an archive cut or
    // patched in the middle is refused here rather than yielding shifted entries.
    impl->archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!impl->archive) {
        const int code = zip_error_code_zip(&error);
        zip_source_free(src);
        zip_error_fini(&error);
        return fail(impl->file, "", openReason(code));
    }
    zip_error_fini(&error);

    ZipArchive out(std::move(impl));
    const zip_int64_t n = zip_get_num_entries(out.m_impl->archive, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(out.m_impl->archive, zip_uint64_t(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
            continue;
        const QString name = QString::fromUtf8(st.name);
        if (name.endsWith('/')) continue; // a folder
        out.m_names << name;
        out.m_impl->indices.push_back(zip_uint64_t(i));
        out.m_impl->sizes.push_back((st.valid & ZIP_STAT_SIZE) ? qint64(st.size) : -1);
    }
    return out;
}

qint64 ZipArchive::declaredSize(const QString& name) const
{
    const qsizetype k = m_names.indexOf(name);
    return k < 0 ? -1 : m_impl->sizes[size_t(k)];
}

Expected<QByteArray> ZipArchive::read(const QString& name, qint64 maxBytes) const
{
    QByteArray out;
    const qint64 declared = declaredSize(name);
    if (declared > 0 && declared <= maxBytes) out.reserve(qsizetype(declared));
    auto r = readChunked(name, maxBytes, [&](const char* data, qsizetype n) {
        out.append(data, n);
        return true;
    });
    if (!r) return std::unexpected(r.error());
    return out;
}

Expected<void> ZipArchive::readChunked(const QString& name, qint64 maxBytes,
                                       const std::function<bool(const char*, qsizetype)>& sink) const
{
    const std::string& file = m_impl->file;
    const qsizetype k = m_names.indexOf(name);
    if (k < 0) return fail(file, entryAt(name), "the entry is missing from the zip archive");
    const qint64 declared = m_impl->sizes[size_t(k)];
    if (declared > maxBytes)
        return fail(file, entryAt(name),
                    "the entry declares " + sizeText(declared) + " uncompressed, more than the " +
                        sizeText(maxBytes) + " accepted (damaged file or zip bomb?)");
    zip_file_t* zf = zip_fopen_index(m_impl->archive, m_impl->indices[size_t(k)], 0);
    if (!zf) {
        zip_error_t* e = zip_get_error(m_impl->archive);
        const int code = zip_error_code_zip(e);
        std::string why = code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ? "the entry is encrypted"
                          : code == ZIP_ER_COMPNOTSUPP ? "the entry uses a compression method not supported"
                          : code == ZIP_ER_ENCRNOTSUPP
                              ? "the entry uses an encryption not supported"
                              : "the entry cannot be opened (" + zipErrorText(e) + ")";
        zip_error_clear(m_impl->archive);
        return fail(file, entryAt(name), why);
    }
    qint64 total = 0;
    std::vector<char> buffer(size_t(256) * 1024);
    for (;;) {
        const zip_int64_t got = zip_fread(zf, buffer.data(), buffer.size());
        if (got < 0) {
            const std::string why = zipErrorText(zip_file_get_error(zf));
            zip_fclose(zf);
            return fail(file, entryAt(name), "the entry is damaged (" + why + ")");
        }
        if (got == 0) break;
        if (total + got > maxBytes) {
            zip_fclose(zf);
            return fail(file, entryAt(name),
                        "the entry inflates to more than the " + sizeText(maxBytes) +
                            " accepted (damaged file or zip bomb?)");
        }
        total += got;
        if (!sink(buffer.data(), qsizetype(got))) {
            zip_fclose(zf);
            return {}; // the reader stopped: its own error says why
        }
    }
    // zip_fclose reports a CRC mismatch found at the end of the stream.
    if (const int rc = zip_fclose(zf); rc != 0) {
        zip_error_t e;
        zip_error_init_with_code(&e, rc);
        const std::string why = zipErrorText(&e);
        zip_error_fini(&e);
        return fail(file, entryAt(name), "the entry is damaged (" + why + ")");
    }
    if (declared >= 0 && total != declared)
        return fail(file, entryAt(name),
                    "the entry holds " + std::to_string(total) + " bytes but declares " +
                        std::to_string(declared) + " (damaged or cut archive)");
    return {};
}

} // namespace vanadis
