// Node-API glue: checks arguments, then runs the blocking KVM ioctls on a libuv worker thread and
// settles a Promise. All KVM knowledge lives in kvm-core.c; this file only moves data across.
#include <napi.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "kvm-caps.h"
#include "kvm-core.h"

namespace {

// The only API version KVM has ever shipped; anything else means structures we cannot trust.
constexpr int kExpectedApiVersion = 12;

struct CapValue {
  const char* name;
  long number;
  int value;
};

struct ProbeOptions {
  std::string path;
  bool selfTest = true;
  int timeoutMs = 1000;
  kvm_core_guest guest = KVM_GUEST_OUT_HLT;
};

struct ProbeFailure {
  int err = 0;          // positive errno, 0 when the failure is not a syscall error
  std::string syscall;  // which call failed, e.g. "open" or "ioctl(KVM_GET_API_VERSION)"
  std::string code;     // symbolic code: "ENOENT" or a Vireo code like "KVM_API_VERSION"
  std::string message;
};

std::string ErrnoName(int err) {
  const char* name = strerrorname_np(err);  // glibc >= 2.32; NULL for unknown numbers
  return name ? name : "E" + std::to_string(err);
}

Napi::Value ExitName(Napi::Env env, uint32_t reason) {
  const char* name = kvm_core_exit_name(reason);
  return name ? Napi::Value(Napi::String::New(env, name)) : env.Null();
}

class ProbeWorker : public Napi::AsyncWorker {
 public:
  ProbeWorker(Napi::Env env, ProbeOptions options)
      : Napi::AsyncWorker(env), options_(std::move(options)), deferred_(Napi::Promise::Deferred::New(env)) {}

  ~ProbeWorker() override { std::free(cpuid_); }

  Napi::Promise Promise() { return deferred_.Promise(); }

 protected:
  void Execute() override {
    int fd = kvm_core_open(options_.path.c_str());
    if (fd < 0) return Fail(-fd, "open");
    RunProbe(fd);
    kvm_core_close(fd);
  }

  void OnOK() override {
    Napi::Env env = Env();
    if (failed_) return deferred_.Reject(FailureObject(env));
    deferred_.Resolve(ReportObject(env));
  }

  // Only reached if Execute called SetError, which it never does; kept so a Promise always settles.
  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  void RunProbe(int fd) {
    apiVersion_ = kvm_core_api_version(fd);
    if (apiVersion_ < 0) return Fail(-apiVersion_, "ioctl(KVM_GET_API_VERSION)");
    if (apiVersion_ != kExpectedApiVersion) {
      failure_ = {0, "ioctl(KVM_GET_API_VERSION)", "KVM_API_VERSION",
                  "KVM API version " + std::to_string(apiVersion_) + ", expected 12"};
      failed_ = true;
      return;
    }
    for (const kvm_core_cap* c = kvm_core_caps; c->name; c++) {
      int v = kvm_core_check_extension(fd, c->number);
      if (v < 0) return Fail(-v, std::string("ioctl(KVM_CHECK_EXTENSION, ") + c->name + ")");
      caps_.push_back({c->name, c->number, v});
    }
    mmapSize_ = kvm_core_vcpu_mmap_size(fd);
    if (mmapSize_ < 0) return Fail(-mmapSize_, "ioctl(KVM_GET_VCPU_MMAP_SIZE)");
    cpuidCount_ = kvm_core_supported_cpuid(fd, &cpuid_);
    if (cpuidCount_ < 0) return Fail(-cpuidCount_, "ioctl(KVM_GET_SUPPORTED_CPUID)");
    msrCount_ = kvm_core_msr_index_count(fd);
    if (msrCount_ < 0) return Fail(-msrCount_, "ioctl(KVM_GET_MSR_INDEX_LIST)");
    if (options_.selfTest) {
      // A failing self-test is part of the report, not a reason to throw the rest away.
      selfTestRc_ = kvm_core_self_test(fd, options_.guest, options_.timeoutMs, 0x10, 0x2a, &selfTest_);
      ranSelfTest_ = true;
    }
  }

  void Fail(int err, std::string syscall) {
    failed_ = true;
    failure_ = {err, std::move(syscall), ErrnoName(err), std::strerror(err)};
  }

  Napi::Value FailureObject(Napi::Env env) {
    Napi::Error e = Napi::Error::New(env, failure_.syscall + ": " + failure_.message);
    e.Set("errno", Napi::Number::New(env, failure_.err));
    e.Set("code", Napi::String::New(env, failure_.code));
    e.Set("syscall", Napi::String::New(env, failure_.syscall));
    e.Set("path", Napi::String::New(env, options_.path));
    if (failure_.code == "KVM_API_VERSION") e.Set("apiVersion", Napi::Number::New(env, apiVersion_));
    return e.Value();
  }

  Napi::Object ReportObject(Napi::Env env) {
    Napi::Object r = Napi::Object::New(env);
    r.Set("apiVersion", apiVersion_);
    Napi::Array caps = Napi::Array::New(env, caps_.size());
    for (size_t i = 0; i < caps_.size(); i++) {
      Napi::Object c = Napi::Object::New(env);
      c.Set("name", caps_[i].name);
      c.Set("number", Napi::Number::New(env, static_cast<double>(caps_[i].number)));
      c.Set("value", caps_[i].value);
      caps.Set(static_cast<uint32_t>(i), c);
    }
    r.Set("capabilities", caps);
    r.Set("vcpuMmapSize", mmapSize_);
    Napi::Array leaves = Napi::Array::New(env, static_cast<size_t>(cpuidCount_));
    for (int i = 0; i < cpuidCount_; i++) {
      const kvm_core_cpuid_leaf& l = cpuid_[i];
      Napi::Object o = Napi::Object::New(env);
      o.Set("function", l.function);
      o.Set("index", l.index);
      o.Set("flags", l.flags);
      o.Set("eax", l.eax);
      o.Set("ebx", l.ebx);
      o.Set("ecx", l.ecx);
      o.Set("edx", l.edx);
      leaves.Set(static_cast<uint32_t>(i), o);
    }
    r.Set("cpuid", leaves);
    r.Set("msrIndexCount", msrCount_);
    r.Set("selfTest", ranSelfTest_ ? SelfTestObject(env) : env.Null());
    return r;
  }

  Napi::Value SelfTestObject(Napi::Env env) {
    const kvm_core_self_test_result& s = selfTest_;
    Napi::Object o = Napi::Object::New(env);
    int err = selfTestRc_ < 0 ? -selfTestRc_ : 0;
    o.Set("errno", err);
    o.Set("code", err ? Napi::Value(Napi::String::New(env, ErrnoName(err))) : env.Null());
    o.Set("failedStage", err ? Napi::Value(Napi::String::New(env, kvm_core_stage_name(s.failed_stage))) : env.Null());
    o.Set("timedOut", Napi::Boolean::New(env, s.timed_out != 0));
    o.Set("exitReason", s.exit_reason);
    o.Set("exitName", ExitName(env, s.exit_reason));
    o.Set("ioDirection", s.io_direction);
    o.Set("ioSize", s.io_size);
    o.Set("ioPort", s.io_port);
    o.Set("ioCount", s.io_count);
    o.Set("ioValue", s.io_value);
    o.Set("secondExitReason", s.second_exit_reason);
    o.Set("secondExitName", ExitName(env, s.second_exit_reason));
    o.Set("durationNs", Napi::Number::New(env, static_cast<double>(s.duration_ns)));
    o.Set("expectedPort", 0x10);
    o.Set("expectedValue", 0x2a);
    return o;
  }

  ProbeOptions options_;
  Napi::Promise::Deferred deferred_;
  bool failed_ = false;
  ProbeFailure failure_;
  int apiVersion_ = 0;
  std::vector<CapValue> caps_;
  int mmapSize_ = 0;
  kvm_core_cpuid_leaf* cpuid_ = nullptr;
  int cpuidCount_ = 0;
  int msrCount_ = 0;
  bool ranSelfTest_ = false;
  int selfTestRc_ = 0;
  kvm_core_self_test_result selfTest_{};
};

[[noreturn]] void ThrowType(Napi::Env env, const std::string& msg) {
  throw Napi::TypeError::New(env, msg);
}

ProbeOptions ParseOptions(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 1 || !info[0].IsObject()) ThrowType(env, "probe(options): options must be an object");
  Napi::Object o = info[0].As<Napi::Object>();
  ProbeOptions p;
  Napi::Value path = o.Get("path");
  if (!path.IsString()) ThrowType(env, "options.path must be a string");
  p.path = path.As<Napi::String>().Utf8Value();
  if (p.path.empty() || p.path.find('\0') != std::string::npos) ThrowType(env, "options.path must be a non-empty path");
  Napi::Value selfTest = o.Get("selfTest");
  if (!selfTest.IsUndefined()) {
    if (!selfTest.IsBoolean()) ThrowType(env, "options.selfTest must be a boolean");
    p.selfTest = selfTest.As<Napi::Boolean>().Value();
  }
  Napi::Value timeout = o.Get("timeoutMs");
  if (!timeout.IsUndefined()) {
    double t = timeout.IsNumber() ? timeout.As<Napi::Number>().DoubleValue() : -1;
    if (!(t >= 1 && t <= 60000) || t != static_cast<int>(t))
      ThrowType(env, "options.timeoutMs must be an integer from 1 to 60000");
    p.timeoutMs = static_cast<int>(t);
  }
  Napi::Value guest = o.Get("guest");
  if (!guest.IsUndefined()) {
    std::string g = guest.IsString() ? guest.As<Napi::String>().Utf8Value() : "";
    if (g == "out-hlt") p.guest = KVM_GUEST_OUT_HLT;
    else if (g == "spin") p.guest = KVM_GUEST_SPIN;
    else ThrowType(env, "options.guest must be \"out-hlt\" or \"spin\"");
  }
  return p;
}

Napi::Value Probe(const Napi::CallbackInfo& info) {
  ProbeWorker* worker = new ProbeWorker(info.Env(), ParseOptions(info));
  Napi::Promise promise = worker->Promise();
  worker->Queue();  // the worker deletes itself after OnOK/OnError
  return promise;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("probe", Napi::Function::New(env, Probe, "probe"));
  return exports;
}

}  // namespace

NODE_API_MODULE(vireo_kvm, Init)
