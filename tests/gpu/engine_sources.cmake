# The part of the engine that needs LibTorch alone: networks, search, the training step, Adam,
# checkpoints. Read by tests/gpu/CMakeLists.txt and by scripts/check-gpu.sh (which compiles them
# with g++ where CMake cannot configure the CUDA LibTorch), so the list is written once.
set(DARI_DEVICE_ENGINE_SOURCES
  ${DARI_ROOT}/data/atomic_file.cpp
  ${DARI_ROOT}/data/batch.cpp
  ${DARI_ROOT}/model/blas_kernels.cpp
  ${DARI_ROOT}/model/device.cpp
  ${DARI_ROOT}/model/runtime.cpp
  ${DARI_ROOT}/model/network/attention.cpp
  ${DARI_ROOT}/model/network/decoder.cpp
  ${DARI_ROOT}/model/network/encoder.cpp
  ${DARI_ROOT}/model/network/parameter_count.cpp
  ${DARI_ROOT}/model/network/positional_encoding.cpp
  ${DARI_ROOT}/model/network/recurrent_cell.cpp
  ${DARI_ROOT}/model/network/seq2seq.cpp
  ${DARI_ROOT}/model/network/shard_random.cpp
  ${DARI_ROOT}/model/network/step_linear.cpp
  ${DARI_ROOT}/model/network/transformer.cpp
  ${DARI_ROOT}/model/search/beam_search.cpp
  ${DARI_ROOT}/model/search/ensemble.cpp
  ${DARI_ROOT}/model/search/greedy_search.cpp
  ${DARI_ROOT}/model/search/placeholder_constraint.cpp
  ${DARI_ROOT}/model/search/repetition_guard.cpp
  ${DARI_ROOT}/model/search/sampling.cpp
  ${DARI_ROOT}/model/search/search.cpp
  ${DARI_ROOT}/model/training/checkpoint.cpp
  ${DARI_ROOT}/model/training/data_parallel.cpp
  ${DARI_ROOT}/model/training/fused_adam.cpp
  ${DARI_ROOT}/model/training/loss.cpp
  ${DARI_ROOT}/model/training/weight_average.cpp
  ${DARI_ROOT}/model/training/worker_pool.cpp
)
