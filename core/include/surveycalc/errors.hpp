// How core reports bad arguments: an exception carrying a sentence in both UI
// languages. The UNO glue turns it into IllegalArgumentException (Err:502);
// DATACHECK shows the sentence itself.
#pragma once

#include <stdexcept>
#include <string>

namespace surveycalc {

/// A sentence in the two UI languages the add-in speaks.
struct Message {
    std::string en;
    std::string zh;
};

/// Which UI language a sentence is wanted in.
enum class Lang { En, Zh };

inline const std::string& in(const Message& m, Lang lang) { return lang == Lang::Zh ? m.zh : m.en; }

class ArgumentError : public std::invalid_argument {
   public:
    explicit ArgumentError(Message m) : std::invalid_argument(m.en), message_(std::move(m)) {}
    const Message& message() const { return message_; }

   private:
    Message message_;
};

}  // namespace surveycalc
