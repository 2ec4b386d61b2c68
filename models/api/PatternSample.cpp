#include "models/api/PatternSample.h"

#include <QList>

#include <memory>
#include <utility>

namespace mgn::api {

using namespace Qt::Literals::StringLiterals;

namespace {

// A set of characters: ranges, possibly negated.
struct CharSet final {
    QList<std::pair<char32_t, char32_t>> ranges;
    bool negated = false;

    bool contains(char32_t c) const
    {
        bool in = false;
        for (const auto &[low, high] : ranges)
            in = in || (c >= low && c <= high);
        return in != negated;
    }
};

struct Node final {
    enum class Kind { Sequence, Alternation, Set, Assertion };
    Kind kind = Kind::Sequence;
    QList<std::shared_ptr<Node>> children; // Sequence: in order; Alternation: the choices
    CharSet set; // Set (a literal is a one-character set)
    int min = 1; // repetitions of this node
    int max = 1; // -1: unbounded
};

// Characters offered to a class, in order of preference: non-ASCII first, so
// that free text carries some, then the usual ones of identifiers.
const QList<char32_t> &candidates()
{
    static const QList<char32_t> list = [] {
        QList<char32_t> c = { U'é', U'日', U'ü', U'Ω' };
        for (char32_t x = U'a'; x <= U'z'; ++x)
            c.append(x);
        for (char32_t x = U'0'; x <= U'9'; ++x)
            c.append(x);
        for (char32_t x = U'A'; x <= U'Z'; ++x)
            c.append(x);
        for (char32_t x : { U'-', U'_', U'.', U'/', U':', U'+', U'=', U'@', U' ' })
            c.append(x);
        return c;
    }();
    return list;
}

class Parser final
{
public:
    explicit Parser(const QString &pattern)
        : m_text(pattern.toUcs4())
    { }

    std::shared_ptr<Node> parse()
    {
        auto node = alternation();
        if (m_position != m_text.size())
            m_failed = true;
        return m_failed ? nullptr : node;
    }

private:
    bool atEnd() const { return m_position >= m_text.size(); }
    char32_t peek() const { return atEnd() ? 0 : m_text.at(m_position); }
    char32_t take() { return atEnd() ? 0 : m_text.at(m_position++); }

    std::shared_ptr<Node> alternation()
    {
        auto alt = std::make_shared<Node>();
        alt->kind = Node::Kind::Alternation;
        alt->children.append(sequence());
        while (peek() == U'|') {
            take();
            alt->children.append(sequence());
        }
        return alt;
    }

    std::shared_ptr<Node> sequence()
    {
        auto seq = std::make_shared<Node>();
        while (!atEnd() && peek() != U'|' && peek() != U')') {
            auto atom = this->atom();
            if (!atom)
                return seq;
            quantifier(*atom);
            seq->children.append(atom);
        }
        return seq;
    }

    std::shared_ptr<Node> atom()
    {
        const char32_t c = take();
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Set;
        if (c == U'(') {
            if (peek() == U'?') {
                take();
                const char32_t kind = take();
                if (kind == U'!') {
                    // A negative lookahead generates nothing; the caller's
                    // check with the real engine catches a violation.
                    alternation();
                    if (take() != U')')
                        m_failed = true;
                    node->kind = Node::Kind::Assertion;
                    return node;
                }
                if (kind != U':') {
                    m_failed = true;
                    return nullptr;
                }
            }
            auto group = alternation();
            if (take() != U')')
                m_failed = true;
            return group;
        }
        if (c == U'^' || c == U'$') {
            node->kind = Node::Kind::Assertion;
            return node;
        }
        if (c == U'.') {
            node->set.negated = true;
            node->set.ranges.append({ U'\n', U'\n' });
            node->set.ranges.append({ U'\r', U'\r' });
            return node;
        }
        if (c == U'[')
            return bracket(node);
        if (c == U'\\') {
            escape(node->set);
            return node;
        }
        if (c == U'*' || c == U'+' || c == U'?' || c == U'{' || c == 0) {
            m_failed = true;
            return nullptr;
        }
        node->set.ranges.append({ c, c });
        return node;
    }

    // After a backslash: a class escape or an escaped literal, into `set`.
    void escape(CharSet &set)
    {
        const char32_t c = take();
        switch (c) {
        case U'd':
            set.ranges.append({ U'0', U'9' });
            return;
        case U'w':
            set.ranges.append({ U'a', U'z' });
            set.ranges.append({ U'A', U'Z' });
            set.ranges.append({ U'0', U'9' });
            set.ranges.append({ U'_', U'_' });
            return;
        case U's':
            for (char32_t s : { U' ', U'\t', U'\n', U'\r', U'\f', U'\v', char32_t(0xa0), char32_t(0x2028),
                     char32_t(0x2029), char32_t(0xfeff), char32_t(0x3000) })
                set.ranges.append({ s, s });
            set.ranges.append({ char32_t(0x2000), char32_t(0x200a) });
            return;
        case U'x': {
            QString hex;
            hex.append(QChar(take()));
            hex.append(QChar(take()));
            bool ok = false;
            const uint value = hex.toUInt(&ok, 16);
            if (!ok)
                m_failed = true;
            set.ranges.append({ char32_t(value), char32_t(value) });
            return;
        }
        case 0:
            m_failed = true;
            return;
        default:
            if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'))
                m_failed = true; // \b, \D and the like: not used by the model
            set.ranges.append({ c, c });
        }
    }

    std::shared_ptr<Node> bracket(std::shared_ptr<Node> node)
    {
        if (peek() == U'^') {
            take();
            node->set.negated = true;
        }
        bool first = true;
        while (!atEnd() && (peek() != U']' || first)) {
            first = false;
            char32_t low = take();
            if (low == U'\\') {
                CharSet escaped;
                escape(escaped);
                if (escaped.ranges.size() != 1
                    || escaped.ranges.first().first != escaped.ranges.first().second) {
                    node->set.ranges.append(escaped.ranges);
                    continue;
                }
                low = escaped.ranges.first().first;
            }
            char32_t high = low;
            if (peek() == U'-' && m_position + 1 < m_text.size() && m_text.at(m_position + 1) != U']') {
                take();
                high = take();
                if (high == U'\\') {
                    CharSet escaped;
                    escape(escaped);
                    high = escaped.ranges.isEmpty() ? low : escaped.ranges.first().first;
                }
            }
            node->set.ranges.append({ low, high });
        }
        if (take() != U']')
            m_failed = true;
        return node;
    }

    void quantifier(Node &node)
    {
        const char32_t c = peek();
        if (c == U'*' || c == U'+' || c == U'?') {
            take();
            node.min = c == U'+' ? 1 : 0;
            node.max = c == U'?' ? 1 : -1;
        } else if (c == U'{') {
            take();
            QString digits;
            while (peek() >= U'0' && peek() <= U'9')
                digits.append(QChar(take()));
            node.min = digits.toInt();
            node.max = node.min;
            if (peek() == U',') {
                take();
                QString upper;
                while (peek() >= U'0' && peek() <= U'9')
                    upper.append(QChar(take()));
                node.max = upper.isEmpty() ? -1 : upper.toInt();
            }
            if (take() != U'}' || digits.isEmpty())
                m_failed = true;
        }
    }

    QList<uint> m_text;
    qsizetype m_position = 0;
    bool m_failed = false;
};

class Generator final
{
public:
    Generator(int repetitions, int seed)
        : m_repetitions(repetitions)
        , m_seed(seed)
    { }

    void emit(const Node &node, QString &out)
    {
        int count = node.min;
        if (node.max != node.min) {
            // ? takes its atom when repetitions > 0; * and + repeat that often.
            count = node.max == 1 ? qMin(1, m_repetitions) : qMax(node.min, m_repetitions);
            if (node.max > 0)
                count = qMin(count, node.max);
        }
        for (int i = 0; i < count; ++i)
            once(node, out);
    }

private:
    void once(const Node &node, QString &out)
    {
        switch (node.kind) {
        case Node::Kind::Assertion:
            return;
        case Node::Kind::Sequence:
            for (const auto &child : node.children)
                emit(*child, out);
            return;
        case Node::Kind::Alternation:
            // The first alternative that is not empty; the seed moves on to
            // the others.
            emit(*node.children.at(choice(node)), out);
            return;
        case Node::Kind::Set:
            character(node.set, out);
            return;
        }
    }

    qsizetype choice(const Node &alternation) const
    {
        const qsizetype n = alternation.children.size();
        return n == 0 ? 0 : qsizetype(m_seed) % n;
    }

    void character(const CharSet &set, QString &out)
    {
        const auto &pool = candidates();
        const qsizetype start = (m_seed + m_position++) % pool.size();
        // Plain sets prefer their own first character in turn; negated ones
        // (free text) take the pool's non-ASCII characters first.
        if (!set.negated && set.ranges.size() == 1 && set.ranges.first().first == set.ranges.first().second) {
            out.append(QString::fromUcs4(&set.ranges.first().first, 1));
            return;
        }
        for (qsizetype i = 0; i < pool.size(); ++i) {
            const char32_t c = pool.at((start + i) % pool.size());
            if (set.contains(c)) {
                out.append(QString::fromUcs4(&c, 1));
                return;
            }
        }
        if (!set.ranges.isEmpty() && !set.negated)
            out.append(QString::fromUcs4(&set.ranges.first().first, 1));
    }

    int m_repetitions;
    int m_seed;
    qsizetype m_position = 0;
};

} // namespace

std::optional<QString> PatternSample::generate(const QString &pattern, int repetitions, int seed)
{
    Parser parser(pattern);
    const auto root = parser.parse();
    if (!root)
        return std::nullopt;
    QString out;
    Generator(repetitions, seed).emit(*root, out);
    return out;
}

} // namespace mgn::api
