#pragma once
// Where the networks run: the CPU, or a CUDA GPU when this LibTorch was built with CUDA.
//
// The one device setting of training (train.device, dari train --device) and of decoding
// (decode.device, dari translate/chat/eval --device). Weights load onto the CPU whatever device
// saved them, and move from there; batches are made on the CPU and move at the networks' door
// (onDevice), so a checkpoint or a bundle written on a GPU loads on a CPU-only machine.

#include <torch/torch.h>

#include <string>

#include "data/batch.h"

namespace dari {

// The names a device setting accepts, for messages.
inline constexpr char kDeviceNames[] = "cpu, cuda or cuda:N";

// Whether `name` is one of kDeviceNames (syntax only: the config's validation).
bool isDeviceName(const std::string& name);

// The device `name` means on this machine; `setting` names where it came from ("--device",
// "train.device") in the one message it throws when this LibTorch has no CUDA or there is no
// such GPU. A bare "cuda" is GPU `localRank` modulo the GPUs visible (a distributed run's
// processes on one machine, one GPU each).
torch::Device resolveDevice(const std::string& name, const std::string& setting, int localRank = 0);

// The device of a module's first parameter (the CPU for one without parameters).
torch::Device deviceOf(const torch::nn::Module& module);

// The batch's tensors on `device` (lengths stay on the CPU: search reads them).
Batch onDevice(const Batch& batch, torch::Device device);

// How many shards a step or a decode splits into on this device: one per configured thread
// on the CPU (each on a single-threaded BLAS), one on a GPU (it is parallel on its own).
int parallelShards(torch::Device device);

}  // namespace dari
