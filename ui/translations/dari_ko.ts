<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>CleaningPreview</name>
    <message>
        <location filename="../training/corpus_cleaning_preview.cpp" line="+67"/>
        <source>markup without text</source>
        <translation>글 없는 마크업</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too long</source>
        <translation>너무 김</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target = source</source>
        <translation>목표 = 원문</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>source in another script</source>
        <translation>원문이 다른 문자</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target in another script</source>
        <translation>목표가 다른 문자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>length ratio</source>
        <translation>길이 비율</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>near duplicate</source>
        <translation>거의 중복</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in a dev set</source>
        <translation>개발 세트에 있음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over max_pieces</source>
        <translation>max_pieces 초과</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: &apos;%2&apos; dropped %3% of its pairs (%4 of %5)</source>
        <translation>%1: &apos;%2&apos; 규칙이 쌍의 %3%를 뺐습니다 (%5쌍 중 %4쌍)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>kept %1 of %2</source>
        <translation>%2쌍 중 %1쌍 남김</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; markup taken out of %1</source>
        <translation>; %1쌍에서 마크업을 걷어 냄</translation>
    </message>
</context>
<context>
    <name>CorpusReportPage</name>
    <message>
        <location filename="../training/corpus_report_page.cpp" line="+39"/>
        <source>%1–%2 characters, mean %3, median %4</source>
        <translation>%1–%2자, 평균 %3, 중앙값 %4</translation>
    </message>
</context>
<context>
    <name>CorpusSource</name>
    <message>
        <location filename="../training/corpus_source.cpp" line="+72"/>
        <source>cannot link the aligned files into %1</source>
        <translation>정렬된 파일을 %1에 링크할 수 없음</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <location filename="../chat/history_store.cpp" line="+108"/>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dari</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice</source>
        <translation>알림</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없음: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot create the folder %1</source>
        <translation>폴더를 만들 수 없음: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The history %1 could not be read (%2). It is kept as %3, and a new history was started.</source>
        <translation>대화 기록 %1을(를) 읽을 수 없습니다(%2). 기존 파일은 %3 이름으로 보관하고 새 기록을 시작했습니다.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>it is in a newer SQLite format that this Dari cannot write</source>
        <translation>이 버전의 Dari가 쓸 수 없는 최신 SQLite 형식임</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>its messages table is not Dari&apos;s: %1</source>
        <translation>messages 테이블이 Dari의 것이 아님: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>it cannot take new messages: %1</source>
        <translation>새 메시지를 저장할 수 없음: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the message is not in the history</source>
        <translation>메시지가 기록에 없음</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>message %1 is no longer in the history</source>
        <translation>메시지 %1이(가) 더 이상 기록에 없음</translation>
    </message>
    <message>
        <location line="+68"/>
        <source># Dari conversation

</source>
        <translation># Dari 대화

</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <location filename="../interface_language.cpp" line="+36"/>
        <source>System (%1)</source>
        <translation>시스템 설정 (%1)</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message>
        <location filename="../model_catalog.cpp" line="+30"/>
        <location line="+156"/>
        <source>%1 is missing</source>
        <translation>%1 파일이 없음</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>%1 is corrupt (%2)</source>
        <translation>%1 파일이 손상됨(%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (unusable)</source>
        <translation>%1 (사용 불가)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2, %3 M params, BLEU %4)%5</source>
        <translation>%1 (%2, 매개변수 %3M, BLEU %4)%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> — training unfinished</source>
        <translation> — 학습 미완료</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>the folder does not exist</source>
        <translation>폴더가 없음</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>meta.json names an unknown task &quot;%1&quot;</source>
        <translation>meta.json에 알 수 없는 용도(task) &quot;%1&quot;이(가) 지정됨</translation>
    </message>
</context>
<context>
    <name>dari::AboutDialog</name>
    <message>
        <location filename="../about_dialog.cpp" line="+27"/>
        <source>networks</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>vocabularies</source>
        <translation>어휘</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>the window</source>
        <translation>창</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>matrix products</source>
        <translation>행렬 곱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>model files</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checksums</source>
        <translation>체크섬</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model cards, logs</source>
        <translation>모델 카드, 로그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text normalisation</source>
        <translation>텍스트 정규화</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>About Dari</source>
        <translation>Dari 정보</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h2&gt;Dari %1&lt;/h2&gt;&lt;p&gt;다리, &quot;bridge&quot;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Dari %1&lt;/h2&gt;&lt;p&gt;다리, &quot;bridge&quot;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About</source>
        <translation>정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Components</source>
        <translation>구성 요소(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Licences and data</source>
        <translation>라이선스와 데이터(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;Korean → English translation and Korean chat on your own machine, with recurrent encoder–decoder networks (RNN, GRU, LSTM with attention) that Dari trains itself — and a place to watch such a network learn.&lt;/p&gt;&lt;p&gt;Nothing you type leaves this computer.&lt;/p&gt;&lt;p&gt;Dari is free software under the MIT licence. Copyright © 2026 The Dari developers.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dari가 직접 학습시키는 순환 인코더–디코더 신경망(RNN, GRU, 어텐션을 갖춘 LSTM)으로 내 컴퓨터에서 한국어를 영어로 번역하고 한국어로 대화합니다. 이런 신경망이 배우는 과정을 지켜볼 수도 있습니다.&lt;/p&gt;&lt;p&gt;입력한 내용은 이 컴퓨터 밖으로 나가지 않습니다.&lt;/p&gt;&lt;p&gt;Dari는 MIT 라이선스를 따르는 자유 소프트웨어입니다. Copyright © 2026 The Dari developers.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;p&gt;This copy runs on:&lt;/p&gt;</source>
        <translation>&lt;p&gt;이 Dari는 다음 위에서 실행됩니다:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;The corpora of the default models and the tests&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;기본 모델과 테스트의 말뭉치&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>출처 표시</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;A model you import carries its own training data and licence in its model card.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;</source>
        <translation>&lt;p&gt;가져온 모델은 자신의 학습 데이터와 라이선스를 모델 카드에 담고 있습니다.&lt;/p&gt;&lt;h3&gt;라이브러리&lt;/h3&gt;</translation>
    </message>
</context>
<context>
    <name>dari::AttentionHeatmap</name>
    <message>
        <location filename="../chat/attention_heatmap.cpp" line="+60"/>
        <source>Attention heatmap</source>
        <translation>어텐션 히트맵</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Select one of Dari&apos;s replies to see which source pieces each output piece attended to.</source>
        <translation>Dari의 답변을 하나 선택하면 각 출력 조각이 어떤 원문 조각에 어텐션을 두었는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>attention weight</source>
        <translation>어텐션 가중치</translation>
    </message>
</context>
<context>
    <name>dari::BottleneckView</name>
    <message>
        <location filename="../learn/bottleneck_view.cpp" line="+30"/>
        <source>&amp;Measure on this computer</source>
        <translation>이 컴퓨터에서 측정(&amp;M)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each network is timed with random weights on made-up sentences of each length: one training step (forward and backward) for one sentence pair, on one thread and on all of them.</source>
        <translation>각 신경망을 무작위 가중치로 만들고 길이별로 지어낸 문장에서 시간을 잽니다: 문장 쌍 하나에 대한 학습 한 단계(순전파와 역전파)를, 스레드 하나와 모든 스레드에서 각각 잽니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training step time against sentence length</source>
        <translation>문장 길이에 따른 학습 단계 시간</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Measuring… (%1 networks × %2 lengths, on 1 and on %3 threads)</source>
        <translation>측정 중… (신경망 %1개 × 길이 %2가지, 스레드 1개와 %3개)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Measure again</source>
        <translation>다시 측정(&amp;M)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 M parameters): %3 ms at %4 pieces, ×%5 the time at %6; %7 positions one after another; %8 threads: ×%9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (매개변수 %2M): 조각 %4개에서 %3 ms, 길이 %6일 때의 ×%5; 차례로 계산하는 위치 %7개; 스레드 %8개: ×%9</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>One training step (one sentence pair) against its length: solid one thread, dashed %1</source>
        <translation>길이에 따른 학습 한 단계(문장 쌍 하나): 실선 스레드 1개, 점선 %1개</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, %2 threads</source>
        <translation>%1, 스레드 %2개</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sentence length (pieces, source and target)</source>
        <translation>문장 길이(조각 수, 원문과 대상)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>milliseconds per step</source>
        <translation>단계당 밀리초</translation>
    </message>
</context>
<context>
    <name>dari::CellComparison</name>
    <message>
        <location filename="../learn/cell_comparison.cpp" line="+31"/>
        <source>%1, no attention</source>
        <translation>%1, 어텐션 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 + attention</source>
        <translation>%1 + 어텐션</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+53"/>
        <source>&amp;Train a tiny RNN, GRU and LSTM here (about a minute)</source>
        <translation>작은 RNN, GRU, LSTM을 여기서 학습(&amp;T) (1분가량)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Gradient norm per position for each tiny network</source>
        <translation>작은 신경망별 위치마다의 기울기 노름</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Training %1 (network %2 of %3)…</source>
        <translation>%1 학습 중 (신경망 %3개 중 %2번째)…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Train the tiny networks again</source>
        <translation>작은 신경망 다시 학습(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Six tiny networks trained here compare their gradients on your sentence below.</source>
        <translation>여기서 학습한 작은 신경망 여섯 개가 입력한 문장에서 기울기를 아래에 비교합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train six tiny networks — RNN, GRU and LSTM, each with and without attention, the same steps on the same sentences — to compare their gradients through time on your sentence.</source>
        <translation>작은 신경망 여섯 개(RNN, GRU, LSTM 각각 어텐션이 있는 것과 없는 것)를 같은 문장으로 같은 단계만큼 학습시켜, 입력한 문장에서 시간 역전파 기울기를 비교해 보세요.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No corpus to train the tiny networks on.</source>
        <translation>작은 신경망을 학습시킬 말뭉치가 없습니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The tiny networks could not be trained: %1</source>
        <translation>작은 신경망을 학습시킬 수 없습니다: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>‖∂L/∂h_t‖ of the forward direction: the six tiny networks on one sentence</source>
        <translation>순방향의 ‖∂L/∂h_t‖: 한 문장에서 본 작은 신경망 여섯 개</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>gradient norm (log)</source>
        <translation>기울기 노름(로그)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first position gets this share of the gradient the last one gets:</source>
        <translation>첫 위치가 받는 기울기는 마지막 위치가 받는 기울기의 이만큼입니다:</translation>
    </message>
</context>
<context>
    <name>dari::ClippingChart</name>
    <message>
        <location filename="../learn/clipping_chart.cpp" line="+18"/>
        <source>Gradient norm per training step, with the clipping threshold</source>
        <translation>학습 단계별 기울기 노름과 클리핑 임계값</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From this model&apos;s training: ‖g‖ before clipping, %1 of %2 logged steps clipped</source>
        <translation>이 모델의 학습 기록: 클리핑 전 ‖g‖, 기록된 %2단계 중 %1단계 클리핑됨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From this model&apos;s training: ‖g‖ (it trained without clipping)</source>
        <translation>이 모델의 학습 기록: ‖g‖ (클리핑 없이 학습함)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gradient norm</source>
        <translation>기울기 노름</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>clipped steps</source>
        <translation>클리핑된 단계</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>clipping threshold %1</source>
        <translation>클리핑 임계값 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>training step</source>
        <translation>학습 단계</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>‖g‖ (log)</source>
        <translation>‖g‖ (로그)</translation>
    </message>
</context>
<context>
    <name>dari::ConversationModel</name>
    <message>
        <location filename="../chat/conversation_model.cpp" line="+21"/>
        <location line="+3"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Translate</source>
        <translation>번역</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You · %1 · %2</source>
        <translation>나 · %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice · %1</source>
        <translation>알림 · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dari · thinking…</source>
        <translation>Dari · 생각하는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dari · %1 · %2</source>
        <translation>Dari · %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · cached</source>
        <translation>%1 · 캐시됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>unsure</source>
        <translation>불확실</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fairly sure</source>
        <translation>대체로 확실</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sure</source>
        <translation>확실</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This model was not calibrated, so Dari cannot say how sure it is (dari calibrate measures it on a dev set).</source>
        <translation>이 모델은 보정되지 않아 Dari가 답변을 얼마나 확신하는지 알 수 없습니다(dari calibrate로 검증 세트에서 측정할 수 있습니다).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>among the least sure third of this model&apos;s outputs on its dev set: check it</source>
        <translation>검증 세트에서 이 모델이 낸 출력 중 확신도 하위 3분의 1에 속하므로 확인이 필요함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>among the surest third of its outputs on its dev set</source>
        <translation>검증 세트에서 이 모델이 낸 출력 중 확신도 상위 3분의 1에 속함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the middle third of its outputs on its dev set</source>
        <translation>검증 세트에서 이 모델이 낸 출력 중 확신도 중간 3분의 1에 속함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 (log-probability %3 per piece%4).</source>
        <translation>%1: %2(조각당 로그 확률 %3%4).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, its least sure sentence</source>
        <translation>, 가장 불확실한 문장 기준</translation>
    </message>
</context>
<context>
    <name>dari::CorpusCheck</name>
    <message>
        <location filename="../training/corpus_check.cpp" line="+61"/>
        <source>duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1:%2: the same pair as line %3</source>
        <translation>%1:%2: %3번 줄과 같은 쌍</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 holds no sentence pairs</source>
        <translation>%1에 문장 쌍이 없음</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 valid pairs</source>
        <translation>유효한 쌍 %1개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; %1 invalid</source>
        <translation>, 유효하지 않은 쌍 %1개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1 over-long)</source>
        <translation> (너무 긴 쌍 %1개)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; %1 duplicates</source>
        <translation>, 중복 %1개</translation>
    </message>
</context>
<context>
    <name>dari::CorpusFilePage</name>
    <message>
        <location filename="../training/corpus_file_page.cpp" line="+36"/>
        <source>Choose a corpus</source>
        <translation>말뭉치 선택</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sentence pairs to train on: source and target (translation), or question and answer (chat).</source>
        <translation>학습할 문장 쌍입니다: 원문과 대상 문장(번역) 또는 질문과 답변(대화).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TSV — source&lt;TAB&gt;target, one pair a line</source>
        <translation>TSV — 원문&lt;TAB&gt;대상, 한 줄에 한 쌍</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV with a header — choose the columns</source>
        <translation>머리글이 있는 CSV — 열 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two aligned files — line N of one translates line N of the other</source>
        <translation>정렬된 두 파일 — 한 파일의 N번째 줄이 다른 파일의 N번째 줄의 번역</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the corpus file</source>
        <translation>말뭉치 파일 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the target-side file</source>
        <translation>대상 쪽 파일 선택</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a dev set (TSV or CSV)</source>
        <translation>검증 세트 선택(TSV 또는 CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty: a dev split is taken from the corpus automatically</source>
        <translation>비워 두면 말뭉치에서 검증 세트를 자동으로 나눕니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>source:</source>
        <translation>원문:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target:</source>
        <translation>대상:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How much of the corpus each epoch trains on: 1 all of it, 2 every pair twice, 0.5 a different half each epoch</source>
        <translation>한 에포크에 이 코퍼스를 얼마나 학습할지: 1이면 전부, 2면 모든 쌍을 두 번, 0.5면 에포크마다 다른 절반</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Format:</source>
        <translation>형식(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Corpus file:</source>
        <translation>말뭉치 파일(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Target file:</source>
        <translation>대상 파일(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;olumns:</source>
        <translation>열(&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weight:</source>
        <translation>가중치(&amp;W):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;More corpora:</source>
        <translation>더 섞을 코퍼스(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dev set:</source>
        <translation>검증 세트(&amp;D):</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Corpus file (TSV)</source>
        <translation>코퍼스 파일 (TSV)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Corpora trained on together with the first one. Weight: the share of each corpus an epoch trains on (double-click to change it).</source>
        <translation>첫 코퍼스와 함께 학습할 코퍼스입니다. 가중치: 한 에포크에 각 코퍼스를 얼마나 학습할지 (두 번 눌러 바꿉니다).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add corpus…</source>
        <translation>코퍼스 추가…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a corpus to mix in</source>
        <translation>섞을 코퍼스 추가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TSV corpora (*.tsv)</source>
        <translation>TSV 코퍼스 (*.tsv)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corpora (*.tsv *.csv *.txt *.*)</source>
        <translation>말뭉치 (*.tsv *.csv *.txt *.*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Each line: the source sentence, a tab, the target sentence. No header.</source>
        <translation>각 줄에 원문 문장, 탭, 대상 문장을 차례로 적습니다. 머리글은 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RFC 4180 CSV whose first line names the columns; pick the source and target columns.</source>
        <translation>첫 줄에 열 이름이 있는 RFC 4180 CSV입니다. 원문 열과 대상 열을 선택하세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two plain-text files with one sentence a line: the corpus file holds the source side, the target file the target side.</source>
        <translation>한 줄에 한 문장씩 담긴 일반 텍스트 파일 두 개입니다. 말뭉치 파일에는 원문을, 대상 파일에는 대상 문장을 담습니다.</translation>
    </message>
</context>
<context>
    <name>dari::CorpusReportPage</name>
    <message>
        <location filename="../training/corpus_report_page.cpp" line="+11"/>
        <source>Check the corpus</source>
        <translation>말뭉치 검사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read with the same rules as training: UTF-8, NFC, trimmed, at most %1 characters a side.</source>
        <translation>학습과 같은 규칙으로 읽습니다: UTF-8, NFC, 앞뒤 공백 제거, 한쪽당 최대 %1자.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Source</source>
        <translation>원문</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Checking %1…</source>
        <translation>%1 검사 중…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>cleaning: %1</source>
        <translation>정리: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Skip the %1 invalid pairs listed above when training (or go Back and choose or fix the file)</source>
        <translation>학습할 때 위 목록의 유효하지 않은 쌍 %1개 건너뛰기(또는 &apos;뒤로&apos;를 눌러 파일을 다시 선택하거나 수정)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the %1 duplicate pairs before training</source>
        <translation>학습 전에 중복 쌍 %1개 제거</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b style=&apos;color:%2&apos;&gt;Cannot use this corpus:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:%2&apos;&gt;이 말뭉치를 사용할 수 없습니다:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Source: %2&lt;br&gt;Target: %3&lt;br&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;원문: %2&lt;br&gt;대상: %3&lt;br&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dev set: %1 (given)</source>
        <translation>검증 세트: %1(지정됨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b style=&apos;color:%2&apos;&gt;Dev set unusable:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:%2&apos;&gt;검증 세트를 사용할 수 없습니다:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dev set: %1 pairs split off automatically (%2%, at most %3); %4 pairs left to train on, less any too long for the network (the training dashboard counts them).</source>
        <translation>검증 세트: 쌍 %1개를 자동으로 분리했습니다(%2%, 최대 %3개). 학습할 쌍은 %4개가 남으며, 이 중 네트워크에 너무 긴 쌍은 제외됩니다(학습 대시보드에서 그 수를 보여 줍니다).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mixed in: %1</source>
        <translation>함께 섞음: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b style=&apos;color:%2&apos;&gt;Cannot use a corpus to mix in:&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:%2&apos;&gt;섞을 코퍼스를 쓸 수 없습니다:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;br&gt;&lt;b&gt;Cleaning&lt;/b&gt; before training%1: %2.</source>
        <translation>&lt;br&gt;학습 전 &lt;b&gt;정리&lt;/b&gt;%1: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (both sides Korean: a chat corpus)</source>
        <translation> (양쪽 모두 한국어: 대화 코퍼스)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the data:</source>
        <translation>데이터를 확인하세요:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;br&gt;&lt;b&gt;Problems&lt;/b&gt; and examples of what cleaning drops (file:line) are listed below the preview.</source>
        <translation>&lt;br&gt;&lt;b&gt;문제&lt;/b&gt;와 정리에서 빠지는 쌍의 예(파일:줄)는 미리 보기 아래에 있습니다.</translation>
    </message>
</context>
<context>
    <name>dari::DecisionView</name>
    <message>
        <location filename="../learn/decision_view.cpp" line="+58"/>
        <source>Probability of each label</source>
        <translation>레이블별 확률</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What each time step counts in the decision</source>
        <translation>각 시간 단계가 결정에 차지하는 몫</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (predicted)</source>
        <translation>%1 (예측)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>p(label | sentence)</source>
        <translation>p(레이블 | 문장)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attention pooling: the weight of each step&apos;s state in the decision</source>
        <translation>어텐션 풀링: 결정에서 각 단계 상태의 가중치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last-state pooling: the decision reads only the final state</source>
        <translation>마지막 상태 풀링: 결정은 마지막 상태만 읽음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
</context>
<context>
    <name>dari::DefaultModelPlan</name>
    <message>
        <location filename="../training/default_model_plan.cpp" line="+64"/>
        <source>The corpus %1 (train.tsv and dev.tsv) is not in %2. It comes from %3.</source>
        <translation>말뭉치 %1(train.tsv와 dev.tsv)이(가) %2에 없습니다. 이 말뭉치는 %3에서 받을 수 있습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>any corpora folder</source>
        <translation>어느 말뭉치 폴더</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The corpus %1 (%2) is not in %3. It comes from %4.</source>
        <translation>코퍼스 %1(%2)이 %3에 없습니다. 출처: %4.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The recipe %1.yaml is in none of %2.</source>
        <translation>레시피 %1.yaml이(가) %2 어디에도 없습니다.</translation>
    </message>
</context>
<context>
    <name>dari::DefaultModelsPanel</name>
    <message>
        <location filename="../training/default_models_panel.cpp" line="+21"/>
        <source>&lt;b&gt;The default models&lt;/b&gt; — trained side by side, one core each, as &lt;code&gt;./run.sh models&lt;/code&gt; does</source>
        <translation>&lt;b&gt;기본 모델&lt;/b&gt; — &lt;code&gt;./run.sh models&lt;/code&gt;처럼 코어 하나씩 나란히 학습합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ko-en (translation)</source>
        <translation>ko-en (번역)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chat-ko (chat)</source>
        <translation>chat-ko (대화)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Stop both</source>
        <translation>둘 다 멈춤(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each run saves a checkpoint; Continue (now or after restarting Dari) picks up where they stopped</source>
        <translation>각 학습이 체크포인트를 저장합니다. 계속(지금 또는 Dari를 다시 시작한 뒤)하면 멈춘 곳에서 이어집니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Continue</source>
        <translation>계속(&amp;C)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Progress of %1</source>
        <translation>%1의 진행률</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Both models are ready.</source>
        <translation>두 모델이 모두 준비되었습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Estimating the time left…</source>
        <translation>남은 시간을 추정하는 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time left: about %1 min</source>
        <translation>남은 시간: 약 %1분</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopping: each run saves a checkpoint…</source>
        <translation>멈추는 중: 각 학습이 체크포인트를 저장합니다…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paused. Continue picks up where they stopped — now, or after restarting Dari (Train the default models on the welcome page).</source>
        <translation>일시 정지됨. 계속하면 멈춘 곳에서 이어집니다 — 지금, 또는 Dari를 다시 시작한 뒤(시작 화면의 기본 모델 학습).</translation>
    </message>
</context>
<context>
    <name>dari::DefaultModelsRun</name>
    <message>
        <location filename="../training/default_models_run.cpp" line="+160"/>
        <source>calibrating its confidence on dev</source>
        <translation>dev로 신뢰도를 보정하는 중</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>training</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>dari %1 stopped.</source>
        <translation>dari %1이(가) 멈췄습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot start %1: %2</source>
        <translation>%1을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>cannot continue %1</source>
        <translation>%1을(를) 이어서 학습할 수 없습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> · %1%</source>
        <translation> · %1%</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>stopped by an error while %1</source>
        <translation>%1 중 오류로 멈춤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused: %1</source>
        <translation>일시 정지: %1</translation>
    </message>
</context>
<context>
    <name>dari::EmptyState</name>
    <message>
        <location filename="../chat/empty_state.cpp" line="+57"/>
        <source>Chat with Dari in Korean.</source>
        <translation>Dari와 한국어로 대화해 보세요.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Translate Korean into English.</source>
        <translation>한국어를 영어로 번역해 보세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type below, or start with one of these:</source>
        <translation>아래에 입력하거나 다음 중 하나로 시작해 보세요:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type or paste Korean below, or try one of these:</source>
        <translation>아래에 한국어를 입력하거나 붙여 넣거나, 다음 예문을 사용해 보세요:</translation>
    </message>
</context>
<context>
    <name>dari::EngineWorker</name>
    <message>
        <location filename="../chat/engine_worker.cpp" line="+35"/>
        <source>chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>The model folder %1 no longer exists (deleted or moved); choose another model.</source>
        <translation>모델 폴더 %1이(가) 더 이상 존재하지 않습니다(삭제 또는 이동됨). 다른 모델을 선택하세요.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 is a %2 model (meta.json task &quot;%3&quot;), but this mode needs a %4 model.</source>
        <translation>%1은(는) %2 모델(meta.json task &quot;%3&quot;)이지만 이 모드에는 %4 모델이 필요합니다.</translation>
    </message>
</context>
<context>
    <name>dari::ImportCorpusWizard</name>
    <message>
        <location filename="../training/import_corpus_wizard.cpp" line="+17"/>
        <source>Train a model on your corpus</source>
        <translation>내 말뭉치로 모델 학습</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Some remembered settings were unusable and are back at their defaults: %1.</source>
        <translation>저장된 일부 설정을 사용할 수 없어 기본값으로 되돌렸습니다: %1.</translation>
    </message>
</context>
<context>
    <name>dari::ImportModelDialog</name>
    <message>
        <location filename="../models/import_model_dialog.cpp" line="+21"/>
        <source>Import model</source>
        <translation>모델 가져오기</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model card</source>
        <translation>모델 카드</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verifying and installing</source>
        <translation>확인하고 설치하는 중</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;%1&lt;/b&gt; would replace the model of that name in &lt;i&gt;%2&lt;/i&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;은(는) &lt;i&gt;%2&lt;/i&gt;에 있는 같은 이름의 모델을 대체합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; will be installed into &lt;i&gt;%2&lt;/i&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;을(를) &lt;i&gt;%2&lt;/i&gt;에 설치합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read its card: a model is only as good, and only as free to use, as the data it was trained on. Every file is checked against its checksum before it is installed.</source>
        <translation>모델 카드를 읽어 보세요. 모델의 품질과 사용 조건은 학습에 쓰인 데이터에 달려 있습니다. 설치하기 전에 모든 파일을 체크섬으로 확인합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace</source>
        <translation>대체(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Install</source>
        <translation>설치(&amp;I)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;This file cannot be imported.&lt;/b&gt;</source>
        <translation>&lt;b&gt;이 파일은 가져올 수 없습니다.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&lt;b&gt;The model was not installed.&lt;/b&gt; Nothing was changed.</source>
        <translation>&lt;b&gt;모델을 설치하지 않았습니다.&lt;/b&gt; 아무것도 바뀌지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>dari::LearnWindow</name>
    <message>
        <location filename="../learn/learn_window.cpp" line="+75"/>
        <source>Decoder, layer %1 (one column per output piece)</source>
        <translation>디코더, %1층 (출력 조각마다 한 열)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoder, layer %1, backward (reads right to left)</source>
        <translation>인코더, %1층, 역방향 (오른쪽에서 왼쪽으로 읽음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder, layer %1, forward (reads left to right)</source>
        <translation>인코더, %1층, 순방향 (왼쪽에서 오른쪽으로 읽음)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>update gate z_t</source>
        <translation>업데이트 게이트 z_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reset gate r_t</source>
        <translation>리셋 게이트 r_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forget gate f_t</source>
        <translation>망각 게이트 f_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input gate i_t</source>
        <translation>입력 게이트 i_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output gate o_t</source>
        <translation>출력 게이트 o_t</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dari — Learn</source>
        <translation>Dari — 배우기</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>optional: without it, the loss is that of the network&apos;s own output</source>
        <translation>선택 사항: 없으면 신경망 자신의 출력에 대한 손실을 잽니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Inspect</source>
        <translation>들여다보기(&amp;I)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Model:</source>
        <translation>모델(&amp;M):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sentence:</source>
        <translation>문장(&amp;S):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reference:</source>
        <translation>참조 번역(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a model, type a sentence and press Inspect.</source>
        <translation>모델을 고르고 문장을 입력한 뒤 들여다보기를 누르세요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>return_sequences=True: pass on every step&apos;s state</source>
        <translation>return_sequences=True: 모든 단계의 상태를 넘김</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>An RNN reads the sentence one piece at a time; its hidden state h_t, a column of numbers (blue −1, red +1), carries what it has read to the next step. With return_sequences=True the next layer or the decoder&apos;s attention gets every column; with False only the last one, which then has to hold the whole sentence.</source>
        <translation>RNN은 문장을 한 조각씩 읽고, 은닉 상태 h_t(숫자 한 열: 파랑 −1, 빨강 +1)가 지금까지 읽은 것을 다음 단계로 전합니다. return_sequences=True이면 다음 층이나 디코더의 어텐션이 모든 열을 받고, False이면 마지막 열만 받아 그 하나가 문장 전체를 담아야 합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Unrolled in time</source>
        <translation>시간으로 펼치기(&amp;U)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gates are sigmoids between 0 (closed, light) and 1 (open, dark), computed at every step from the input and the last state. A GRU&apos;s update gate z decides how much of the old state it keeps and its reset gate r how much of it feeds the new candidate; an LSTM&apos;s forget, input and output gates guard its cell c_t the same way.</source>
        <translation>게이트는 매 단계 입력과 직전 상태로 계산되는 0(닫힘, 밝음)과 1(열림, 어두움) 사이의 시그모이드입니다. GRU의 업데이트 게이트 z는 이전 상태를 얼마나 유지할지, 리셋 게이트 r은 그중 얼마를 새 후보에 쓸지 정하고, LSTM의 망각·입력·출력 게이트는 같은 방식으로 셀 c_t를 지킵니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Gates</source>
        <translation>게이트(&amp;G)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gradient norm per source position</source>
        <translation>입력 위치별 기울기 크기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recurrent Jacobian norm and derivative factors</source>
        <translation>순환 야코비안 크기와 미분 인자</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Gradients through &amp;time</source>
        <translation>시간에 따른 기울기(&amp;T)</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>No model to inspect: train or import one first.</source>
        <translation>들여다볼 모델이 없습니다. 먼저 학습하거나 가져오세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type a sentence to run through the network.</source>
        <translation>신경망에 넣을 문장을 입력하세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running the sentence through %1…</source>
        <translation>%1에 문장을 넣는 중…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 encoder, %3 attention · loss %4 on %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 인코더, %3 어텐션 · %5에 대한 손실 %4</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>bidirectional</source>
        <translation>양방향</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>&lt;b&gt;Side by side&lt;/b&gt;: the same sentence through six tiny networks trained here — RNN, GRU and LSTM, solid with attention, dashed without.</source>
        <translation>&lt;b&gt;나란히 비교&lt;/b&gt;: 여기서 학습한 작은 신경망 여섯 개에 같은 문장을 넣었습니다 — RNN, GRU, LSTM, 실선은 어텐션 있음, 점선은 없음.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backpropagation through time sends the loss&apos;s gradient back to every input step: ‖∂L/∂h_t‖ is how much of it reaches position t (log scale). Each step back multiplies it by the recurrent Jacobian, whose factors tanh′ ≤ 1 and σ′ ≤ 0.25 shrink it — the vanishing gradient — unless attention gives every position its own short path to the loss. The last chart is the other side, from the model&apos;s own training: steps whose gradient norm rose above the clipping threshold (exploding) were scaled down to it.</source>
        <translation>시간 역전파(BPTT)는 손실의 기울기를 모든 입력 단계로 되돌려 보냅니다: ‖∂L/∂h_t‖는 그중 위치 t에 닿는 양입니다(로그 척도). 한 단계 거슬러 갈 때마다 순환 야코비안이 곱해지고, 그 인수 tanh′ ≤ 1과 σ′ ≤ 0.25가 기울기를 줄입니다 — 기울기 소실 — 어텐션이 각 위치에 손실까지의 짧은 길을 따로 주지 않는 한 그렇습니다. 마지막 차트는 그 반대편으로, 이 모델의 학습 기록입니다: 기울기 노름이 클리핑 임계값을 넘은 단계(기울기 폭주)는 임계값 크기로 줄어들었습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A recurrent network must finish position t before it can start t + 1, so a sentence twice as long takes twice as many steps one after another, and extra cores have little to share within a step. A Transformer computes every position of a layer in one large matrix product, which is why attention-only networks replaced recurrence where many cores are at hand.</source>
        <translation>순환 신경망은 위치 t를 끝내야 t + 1을 시작할 수 있어서, 두 배 긴 문장은 차례로 밟는 단계도 두 배이고, 한 단계 안에서는 코어를 더 주어도 나눌 일이 거의 없습니다. 트랜스포머는 한 층의 모든 위치를 큰 행렬 곱 하나로 계산합니다. 코어가 많은 곳에서 어텐션만 쓰는 신경망이 순환을 대신하게 된 까닭입니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sequential &amp;bottleneck</source>
        <translation>순차 병목(&amp;B)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A classifier reads the whole sentence and gives one answer: many-to-one. With attention pooling its decision rests on a weighted mean of every step&apos;s state, and the bars show which steps count; with last-state pooling (return_sequences=False) it rests on the final state alone, which has to carry the whole sentence.</source>
        <translation>분류기는 문장 전체를 읽고 답 하나를 냅니다: 다대일(many-to-one)입니다. 어텐션 풀링에서는 모든 단계 상태의 가중 평균으로 결정하며, 막대는 어느 단계가 중요한지 보여 줍니다. 마지막 상태 풀링(return_sequences=False)에서는 마지막 상태 하나로만 결정하므로 그 상태가 문장 전체를 담아야 합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Decision</source>
        <translation>결정(&amp;D)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>tiny %1, no attention</source>
        <translation>작은 %1, 어텐션 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tiny %1 + attention</source>
        <translation>작은 %1 + 어텐션</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>one-directional</source>
        <translation>단방향</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 classifier, %3 pooling · predicts “%4” (p %5) · loss %6 on %7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 분류기, %3 풀링 · 예측 “%4” (p %5) · %7에 대한 손실 %6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention</source>
        <translation>어텐션</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>last-state</source>
        <translation>마지막 상태</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the label “%1”</source>
        <translation>레이블 “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its predicted label</source>
        <translation>예측한 레이블</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its own output “%1”</source>
        <translation>자신의 출력 “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the reference “%1”</source>
        <translation>참조 번역 “%1”</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Every state goes on: a stacked layer reads all of them, and attention picks from all of them at every output step.</source>
        <translation>모든 상태가 넘어갑니다. 위에 쌓인 층은 전부를 읽고, 어텐션은 출력 단계마다 그중에서 고릅니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the last state goes on (the faded columns are dropped): the decoder starts from it and never sees the others.</source>
        <translation>마지막 상태만 넘어갑니다(흐린 열은 버려짐). 디코더는 그것에서 출발하고 나머지는 보지 못합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This classifier&apos;s decision reads every state (attention pooling).</source>
        <translation>이 분류기의 결정은 모든 상태를 읽습니다(어텐션 풀링).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This classifier&apos;s decision reads only the final state (last-state pooling).</source>
        <translation>이 분류기의 결정은 마지막 상태만 읽습니다(마지막 상태 풀링).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This model&apos;s decoder reads every state (it has attention).</source>
        <translation>이 모델의 디코더는 모든 상태를 읽습니다(어텐션이 있음).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This model&apos;s decoder reads only the final state (no attention).</source>
        <translation>이 모델의 디코더는 마지막 상태만 읽습니다(어텐션 없음).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: a plain RNN has no gates — every step overwrites h_t with tanh(W x_t + U h_t−1).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: 기본 RNN에는 게이트가 없습니다 — 매 단계 h_t를 tanh(W x_t + U h_t−1)로 덮어씁니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — cell c_t (the LSTM&apos;s memory)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — 셀 c_t (LSTM의 기억)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>‖∂L/∂h_t‖: the loss&apos;s gradient reaching each position (layer %1)</source>
        <translation>‖∂L/∂h_t‖: 각 위치에 닿는 손실의 기울기 (%1층)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward direction</source>
        <translation>순방향</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>backward direction</source>
        <translation>역방향</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>gradient norm (log)</source>
        <translation>기울기 크기 (로그)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What each step back multiplies it by (forward direction)</source>
        <translation>한 단계 거슬러 갈 때 곱해지는 것 (순방향)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>‖∂h_t/∂h_t−1‖ (recurrent Jacobian)</source>
        <translation>‖∂h_t/∂h_t−1‖ (순환 야코비안)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mean tanh′ (≤ 1)</source>
        <translation>평균 tanh′ (≤ 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mean σ′ of the gates (≤ 0.25)</source>
        <translation>게이트의 평균 σ′ (≤ 0.25)</translation>
    </message>
</context>
<context>
    <name>dari::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="+69"/>
        <source>Loaded %1</source>
        <translation>%1 불러옴</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot load model</source>
        <translation>모델을 불러올 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model in %1 cannot be used:
%2</source>
        <translation>%1의 모델을 사용할 수 없습니다:
%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings reset</source>
        <translation>설정 초기화됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some settings in %1 were unusable and are back at their defaults:
%2</source>
        <translation>%1의 일부 설정을 사용할 수 없어 기본값으로 되돌렸습니다:
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History moved aside</source>
        <translation>대화 기록을 따로 보관함</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History unavailable</source>
        <translation>대화 기록을 사용할 수 없음</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The conversation history %1 cannot be opened: %2</source>
        <translation>대화 기록을 열 수 없습니다(%1): %2</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>translate</source>
        <translation>번역</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (training unfinished)</source>
        <translation> (학습 미완료)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — not usable yet (dev BLEU %1)</source>
        <translation> — 아직 사용 불가(검증 BLEU %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — unusable</source>
        <translation>%1 — 사용 불가</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no model found)</source>
        <translation>(모델 없음)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+46"/>
        <location filename="../main_window_training.cpp" line="+133"/>
        <source>Chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+46"/>
        <location filename="../main_window_training.cpp" line="+0"/>
        <source>Translate</source>
        <translation>번역</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · no model</source>
        <translation>%1 · 모델 없음</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dari — chat in Korean</source>
        <translation>Dari — 한국어 대화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dari — Korean → English</source>
        <translation>Dari — 한국어 → 영어</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Talk to Dari in Korean — Enter sends, Shift+Enter: new line</source>
        <translation>Dari에게 한국어로 말을 걸어 보세요 — Enter: 보내기, Shift+Enter: 줄 바꿈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type Korean to translate — Enter sends, Shift+Enter: new line</source>
        <translation>번역할 한국어를 입력하세요 — Enter: 보내기, Shift+Enter: 줄 바꿈</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot use model</source>
        <translation>모델을 사용할 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a usable model bundle: %2</source>
        <translation>%1은(는) 사용할 수 있는 모델 번들이 아닙니다: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong kind of model</source>
        <translation>잘못된 종류의 모델</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a %2 model (meta.json task &quot;%3&quot;); %4 mode needs a &quot;%5&quot; model.</source>
        <translation>%1은(는) %2 모델(meta.json task &quot;%3&quot;)입니다. %4 모드에는 &quot;%5&quot; 모델이 필요합니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../main_window_ui.cpp" line="+236"/>
        <source>Open a model bundle</source>
        <translation>모델 번들 열기</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Model summary</source>
        <translation>모델 요약</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+188"/>
        <source>History not saved</source>
        <translation>대화 기록이 저장되지 않음</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>This message could not be saved to the history %1: %2. The conversation stays on screen; Dari tries again with the next message.</source>
        <translation>이 메시지를 대화 기록 %1에 저장할 수 없습니다: %2. 대화는 화면에 그대로 남아 있으며, Dari는 다음 메시지 때 다시 저장을 시도합니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>There is no model for this mode yet — see the note above on how to get one.</source>
        <translation>이 모드에 사용할 모델이 아직 없습니다 — 모델을 준비하는 방법은 위의 안내를 참고하세요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This looks like English; Dari chats in Korean.</source>
        <translation>영어로 보입니다. Dari는 한국어로 대화합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like English; Dari translates Korean → English.</source>
        <translation>영어로 보입니다. Dari는 한국어를 영어로 번역합니다.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dari could not answer: %1</source>
        <translation>Dari가 답하지 못했습니다: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot answer</source>
        <translation>답변할 수 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(empty reply)</source>
        <translation>(빈 답변)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 ms/reply%2 (avg %3 ms)</source>
        <translation>답변당 %1 ms%2 (평균 %3 ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, cached</source>
        <translation>, 캐시됨</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Input too long</source>
        <translation>입력이 너무 김</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The input is longer than the model&apos;s limit, so only its beginning was %1. Send shorter pieces for a complete answer.</source>
        <translation>입력이 모델의 한도보다 길어 앞부분만 %1. 완전한 답을 받으려면 더 짧게 나누어 보내세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read</source>
        <translation>읽었습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>translated</source>
        <translation>번역했습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled.</source>
        <translation>취소되었습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../main_window_ui.cpp" line="-191"/>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot use the alternative</source>
        <translation>후보를 사용할 수 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reply&apos;s text no longer contains the sentence it replaces.</source>
        <translation>답변 텍스트에 바꿀 문장이 더 이상 들어 있지 않습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chosen alternative could not be saved to the history %1: %2</source>
        <translation>선택한 후보를 대화 기록 %1에 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alternative %1 is now the reply</source>
        <translation>%1번 후보를 답변으로 바꿨습니다</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n message(s) found</source>
        <translation>
            <numerusform>메시지 %n개 찾음</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History exported to %1</source>
        <translation>대화 기록을 내보냈습니다: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot clear history</source>
        <translation>대화 기록을 지울 수 없음</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The new language is used the next time Dari starts.</source>
        <translation>새 언어는 Dari를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../main_window_training.cpp" line="-103"/>
        <source>Training stopped</source>
        <translation>학습 중지됨</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A model is training; stop it before starting another.</source>
        <translation>모델을 학습하는 중입니다. 다른 학습을 시작하려면 먼저 중지하세요.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+9"/>
        <source>Cannot train the default models</source>
        <translation>기본 모델을 학습할 수 없습니다</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>The folder holding tatoeba-ko-en/ and chatbot-ko/ (the default models&apos; corpora)</source>
        <translation>tatoeba-ko-en/과 chatbot-ko/가 있는 폴더 (기본 모델의 말뭉치)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing to continue</source>
        <translation>계속할 학습 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No interrupted training run in %1.</source>
        <translation>%1에 중단된 학습 작업이 없습니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 — stopped at step %2</source>
        <translation>%1 — 스텝 %2에서 중지됨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue interrupted training</source>
        <translation>중단된 학습 계속</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue which run? (Same data and settings, counters kept.)</source>
        <translation>계속할 학습 작업을 선택하세요. (데이터와 설정은 같고 카운터는 유지됩니다.)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An interrupted training run (%1) can be continued: File ▸ Continue interrupted training…</source>
        <translation>중단된 학습 작업(%1)을 이어서 진행할 수 있습니다: 파일 ▸ 중단된 학습 계속…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New model %1 is ready — it is in the model picker (%2 mode).</source>
        <translation>새 모델 %1이(가) 준비되었습니다 — 모델 선택 목록(%2 모드)에서 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../main_window_ui.cpp" line="+21"/>
        <source>Main</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Translate 한→EN</source>
        <translation>번역 한→영</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translate Korean into English (Ctrl+1)</source>
        <translation>한국어를 영어로 번역(Ctrl+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat 대화</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat with Dari in Korean (Ctrl+2)</source>
        <translation>Dari와 한국어로 대화(Ctrl+2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Learn 배우기</source>
        <translation>Learn 배우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See a recurrent network at work: states, gates and gradients through time (Ctrl+3)</source>
        <translation>순환 신경망이 일하는 모습 보기: 상태, 게이트, 시간에 따른 기울기 (Ctrl+3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Model: </source>
        <translation> 모델: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ⓘ Summary</source>
        <translation>ⓘ 요약</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell type, size, dev BLEU and training data of the model (Ctrl+I)</source>
        <translation>모델의 셀 종류, 크기, 검증 BLEU, 학습 데이터(Ctrl+I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train…</source>
        <translation>학습…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train or fine-tune a model on your own corpus (Ctrl+T)</source>
        <translation>내 말뭉치로 모델을 학습하거나 미세 조정(Ctrl+T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As you type</source>
        <translation>입력 중 번역</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Translate while you type (Translate mode)</source>
        <translation>입력하는 동안 번역(번역 모드)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search…</source>
        <translation>검색…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the history (Ctrl+F): matches are shown with their partner</source>
        <translation>대화 기록 검색(Ctrl+F): 일치하는 메시지를 짝이 되는 메시지와 함께 표시</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Conversation</source>
        <translation>대화 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy message</source>
        <translation>메시지 복사(&amp;C)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Send</source>
        <translation>보내기(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send (Enter); Shift+Enter starts a new line</source>
        <translation>보내기(Enter), Shift+Enter: 줄 바꿈</translation>
    </message>
    <message>
        <location filename="../main_window_file.cpp" line="+41"/>
        <source>A file is being translated; cancel it first.</source>
        <translation>파일을 번역하는 중입니다. 먼저 취소하세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <location line="+10"/>
        <source>Translate a file</source>
        <translation>파일 번역</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>There is no translation model yet.</source>
        <translation>아직 번역 모델이 없습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../main_window_ui.cpp" line="+6"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Translating %1…</source>
        <translation>%1 번역하는 중…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Translated %1 of %2 lines</source>
        <translation>%2줄 중 %1줄 번역함</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file was not translated</source>
        <translation>파일을 번역하지 못했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: nothing was written.</source>
        <translation>취소됨: 아무것도 쓰지 않았습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Translated %1 lines into %2</source>
        <translation>%1줄을 번역해 %2에 저장함</translation>
    </message>
    <message>
        <location filename="../main_window_ui.cpp" line="+2"/>
        <source>Stop computing the reply (Esc)</source>
        <translation>답변 생성 중지(Esc)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Working</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no reply yet</source>
        <translation>아직 답변 없음</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open model…</source>
        <translation>모델 열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Rescan models folder</source>
        <translation>모델 폴더 다시 검색(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import model…</source>
        <translation>모델 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport model…</source>
        <translation>모델 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Manage models…</source>
        <translation>모델 관리(&amp;M)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Translate a &amp;file…</source>
        <translation>파일 번역(&amp;F)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Train a model…</source>
        <translation>모델 학습(&amp;T)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;ntinue interrupted training…</source>
        <translation>중단된 학습 계속(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export history…</source>
        <translation>대화 기록 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export history</source>
        <translation>대화 기록 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md);;Tab-separated values (*.tsv)</source>
        <translation>Markdown (*.md);;탭으로 구분된 값 (*.tsv)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Text size %1 pt</source>
        <translation>글자 크기 %1pt</translation>
    </message>
    <message>
        <location filename="../main_window_models.cpp" line="+20"/>
        <source>Dari models (*.dari);;All files (*)</source>
        <translation>Dari 모델 (*.dari);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a model file</source>
        <translation>모델 파일 가져오기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported %1</source>
        <translation>%1 가져옴</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>There is no model to export in this mode.</source>
        <translation>이 모드에는 내보낼 모델이 없습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../main_window_ui.cpp" line="-61"/>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %1 to %2</source>
        <translation>%1을(를) %2(으)로 내보냄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exporting %1…</source>
        <translation>%1 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../main_window_ui.cpp" line="+2"/>
        <source>C&amp;lear history…</source>
        <translation>대화 기록 지우기(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear history</source>
        <translation>대화 기록 지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the whole conversation history? This cannot be undone.</source>
        <translation>전체 대화 기록을 삭제하시겠습니까? 이 작업은 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find in history</source>
        <translation>대화 기록에서 찾기(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Focus the &amp;input</source>
        <translation>입력란으로 이동(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual size</source>
        <translation>원래 크기(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model &amp;summary</source>
        <translation>모델 요약(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>바로 가기 키(&amp;K)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Dari</source>
        <translation>Dari 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window_learn.cpp" line="+21"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>dari::MessageInput</name>
    <message>
        <location filename="../chat/message_input.cpp" line="+9"/>
        <source>Type Korean here — Enter sends, Shift+Enter starts a new line</source>
        <translation>여기에 한국어를 입력하세요 — Enter: 보내기, Shift+Enter: 줄 바꿈</translation>
    </message>
</context>
<context>
    <name>dari::ModelInfo</name>
    <message>
        <location filename="../model_catalog.cpp" line="-85"/>
        <source>Unusable:</source>
        <translation>사용 불가:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Task</source>
        <translation>용도</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classify</source>
        <translation>분류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translate</source>
        <translation>번역</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Languages</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell</source>
        <translation>셀</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ensemble</source>
        <translation>앙상블</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 networks; their probabilities are averaged at every word</source>
        <translation>네트워크 %1개, 단어마다 각 네트워크의 확률을 평균함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>embedding %1, encoder %2, decoder %3; %4 parameters</source>
        <translation>임베딩 %1, 인코더 %2, 디코더 %3, 매개변수 %4개</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dev BLEU</source>
        <translation>검증 BLEU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training data</source>
        <translation>학습 데이터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 pairs, %2 epochs%3</source>
        <translation>쌍 %1개, %2 에포크%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created</source>
        <translation>만든 날짜</translation>
    </message>
</context>
<context>
    <name>dari::ModelManagerDialog</name>
    <message>
        <location filename="../models/model_manager_dialog.cpp" line="+21"/>
        <location line="+7"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Model details</source>
        <translation>모델 세부 정보</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use</source>
        <translation>사용(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>삭제(&amp;R)…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Select a model to see its details.</source>
        <translation>모델을 선택하면 세부 정보가 보입니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This model belongs to an installed package; remove the package to remove it.</source>
        <translation>이 모델은 설치된 패키지에 속합니다. 삭제하려면 패키지를 제거하세요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+10"/>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Delete the model &lt;b&gt;%1&lt;/b&gt; and its folder &lt;i&gt;%2&lt;/i&gt;? This cannot be undone.</source>
        <translation>모델 &lt;b&gt;%1&lt;/b&gt;과(와) 폴더 &lt;i&gt;%2&lt;/i&gt;를 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>dari::ModelTableModel</name>
    <message>
        <location filename="../models/model_table_model.cpp" line="+44"/>
        <source>unusable</source>
        <translation>사용할 수 없음</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>용도</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Languages</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dev BLEU</source>
        <translation>검증 BLEU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
</context>
<context>
    <name>dari::ReplyDetails</name>
    <message>
        <location filename="../chat/reply_details.cpp" line="+34"/>
        <source>The input had several sentences: pick one to see its alternatives and attention</source>
        <translation>입력에 여러 문장이 있습니다. 문장을 선택하면 해당 문장의 후보와 어텐션을 볼 수 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentence</source>
        <translation>문장</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Double-click an alternative to copy it; &quot;Use as the reply&quot; adopts it</source>
        <translation>후보를 두 번 클릭하면 복사되고, &quot;답변으로 사용&quot;을 누르면 그 후보가 답변이 됩니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Use as the reply</source>
        <translation>답변으로 사용(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the reply (in the conversation and the history) with the selected alternative</source>
        <translation>선택한 후보로 답변을 바꿉니다(대화와 대화 기록 모두)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Rows: the pieces Dari read; columns: the pieces it wrote. · starts a word, &lt;/s&gt; ends the sentence. Darker: more attention; outlined: what each output piece attended to most.</source>
        <translation>행: Dari가 읽은 조각, 열: Dari가 쓴 조각. · 표시는 단어의 시작을, &lt;/s&gt;는 문장의 끝을 나타냅니다. 색이 진할수록 어텐션이 크고, 테두리는 각 출력 조각이 가장 많이 어텐션을 둔 곳입니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Alternatives</source>
        <translation>후보(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atte&amp;ntion</source>
        <translation>어텐션(&amp;N)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Details&lt;/b&gt;&lt;br&gt;Select one of Dari&apos;s replies.</source>
        <translation>&lt;b&gt;세부 정보&lt;/b&gt;&lt;br&gt;Dari의 답변을 하나 선택하세요.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;Reply by %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1의 답변&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reply by %1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1의 답변&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The input was longer than the model&apos;s limit: only its beginning was read.</source>
        <translation>입력이 모델의 한도보다 길어 앞부분만 읽었습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat replies are sampled: Dari drew several and answered with the likeliest; the distinct draws are listed.</source>
        <translation>대화 답변은 샘플링으로 만듭니다. Dari가 여러 개를 뽑아 가능성이 가장 높은 것으로 답했으며, 서로 다른 결과를 모두 나열합니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sentence %1 of %2: %3</source>
        <translation>문장 %1/%2: %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>likeliest</source>
        <translation>가능성 가장 높음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>almost as likely</source>
        <translation>가능성 거의 같음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>less likely</source>
        <translation>가능성 낮음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>much less likely</source>
        <translation>가능성 훨씬 낮음</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · score %1</source>
        <translation> · 점수 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · the reply</source>
        <translation> · 현재 답변</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1. %2
%3</source>
        <translation>%1. %2
%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The attention of the likeliest output (1.), not of the alternative chosen as the reply</source>
        <translation>답변으로 선택한 후보가 아니라 가능성이 가장 높은 출력(1.)의 어텐션입니다</translation>
    </message>
</context>
<context>
    <name>dari::SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.cpp" line="+22"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <location line="+9"/>
        <location line="+7"/>
        <source>as the model says</source>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Beam search width in Translate mode; 1 is greedy. Up to 5 alternatives are shown.</source>
        <translation>번역 모드의 beam 탐색 폭입니다. 1이면 탐욕적(greedy) 탐색입니다. 후보는 최대 5개까지 표시됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Beam size:</source>
        <translation>beam 크기(&amp;B):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A reply has at most ratio × input pieces + 10 pieces.</source>
        <translation>답변은 최대 (비율 × 입력 조각 수 + 10)개 조각입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum &amp;length ratio:</source>
        <translation>최대 길이 비율(&amp;L):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chat &amp;temperature:</source>
        <translation>대화 온도(&amp;T):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sample among the k likeliest pieces; 0: all pieces.</source>
        <translation>가능성이 가장 높은 k개 조각 중에서 샘플링합니다. 0이면 모든 조각을 사용합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat top-&amp;k:</source>
        <translation>대화 top-k(&amp;K):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Models folder</source>
        <translation>모델 폴더</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Models folder:</source>
        <translation>모델 폴더(&amp;M):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Font size:</source>
        <translation>글꼴 크기(&amp;F):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Threads:</source>
        <translation>스레드(&amp;T):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translate as you &amp;type</source>
        <translation>입력하면서 번역(&amp;T)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Takes effect the next time Dari starts.</source>
        <translation>Dari를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
</context>
<context>
    <name>dari::SettingsReader</name>
    <message>
        <location filename="../settings_reader.cpp" line="+35"/>
        <source>%1 = &quot;%2&quot; %3; using %4</source>
        <translation>%1 = &quot;%2&quot;: %3(%4 사용)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is not a number</source>
        <translation>숫자가 아님</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not a whole number</source>
        <translation>정수가 아님</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is outside %1 to %2</source>
        <translation>%1~%2 범위를 벗어남</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+6"/>
        <source>the model&apos;s value</source>
        <translation>모델의 값</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is not true or false</source>
        <translation>true 또는 false가 아님</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>is not a single text value</source>
        <translation>단일 텍스트 값이 아님</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>is not one of %1</source>
        <translation>다음 중 하나가 아님: %1</translation>
    </message>
</context>
<context>
    <name>dari::ShortcutsDialog</name>
    <message>
        <location filename="../shortcuts_dialog.cpp" line="+34"/>
        <source>Send the message</source>
        <translation>메시지 보내기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New line in the message</source>
        <translation>메시지에서 줄 바꿈</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop computing the reply</source>
        <translation>답변 생성 중지</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keyboard shortcuts</source>
        <translation>바로 가기 키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>dari::StateStrip</name>
    <message>
        <location filename="../learn/state_strip.cpp" line="+161"/>
        <source>step %1 (%2) · dimension %3 · %4</source>
        <translation>단계 %1 (%2) · 차원 %3 · %4</translation>
    </message>
</context>
<context>
    <name>dari::TrainingCharts</name>
    <message>
        <location filename="../training/training_charts.cpp" line="+109"/>
        <source>train loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dev loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+110"/>
        <source>dev BLEU</source>
        <translation>검증 BLEU</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>gradient norm</source>
        <translation>그래디언트 노름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dev BLEU</source>
        <translation>검증 BLEU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BLEU</source>
        <translation>BLEU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient norm (before clipping)</source>
        <translation>그래디언트 노름(클리핑 전)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L2 norm</source>
        <translation>L2 노름</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A chart of the training run, updated as it trains</source>
        <translation>학습 작업의 차트로, 학습하는 동안 갱신됩니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>mean of %n dev sets</source>
        <translation>
            <numerusform>개발 세트 %n개의 평균</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dari::TrainingController</name>
    <message>
        <location filename="../training/training_controller.cpp" line="+122"/>
        <source>Training diverged at step %1: %2. The model was not changed%3. Lower the learning rate (Settings: learning rate) and train again.</source>
        <translation>스텝 %1에서 학습이 발산했습니다: %2. 모델은 변경되지 않았습니다%3. 학습률을 낮추고(설정: 학습률) 다시 학습하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; its last good checkpoint (step %1) is kept</source>
        <translation>(스텝 %1의 마지막 정상 체크포인트는 보존됨)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot start the training program %1: %2</source>
        <translation>학습 프로그램을 시작할 수 없습니다(%1): %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The last checkpoint (step %1) is kept: Resume continues from there.</source>
        <translation>마지막 체크포인트(스텝 %1)가 보존되어 있습니다. &apos;재개&apos;를 누르면 그 지점부터 계속합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No checkpoint was written yet, so the run has to start again.</source>
        <translation>아직 저장된 체크포인트가 없으므로 처음부터 다시 시작해야 합니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped before training began (no checkpoint yet): start the run again.</source>
        <translation>학습이 시작되기 전에 중지되었습니다(체크포인트 없음). 다시 시작하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>was killed (signal 9: by hand, or by the system when memory ran out)</source>
        <translation>강제 종료되었습니다(시그널 9: 사용자가 직접 종료했거나 메모리가 부족해 시스템이 종료함)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crashed (signal %1)</source>
        <translation>비정상 종료되었습니다(시그널 %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crashed</source>
        <translation>비정상 종료되었습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training process %1 at step %2. The window is not affected. %3</source>
        <translation>학습 프로세스가 스텝 %2에서 %1. 창에는 영향이 없습니다. %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training stopped with an error (exit code %1): %2
%3</source>
        <translation>학습이 오류로 중지되었습니다(종료 코드 %1): %2
%3</translation>
    </message>
</context>
<context>
    <name>dari::TrainingDashboard</name>
    <message>
        <location filename="../training/training_dashboard.cpp" line="+60"/>
        <source>Dari — Training</source>
        <translation>Dari — 학습</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No training run yet.</source>
        <translation>아직 학습 작업이 없습니다.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Source</source>
        <translation>원문</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>참조</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model output</source>
        <translation>모델 출력</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pause / Stop</source>
        <translation>일시 중지 / 중지</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saves a checkpoint at the next step and stops; Resume continues the same run</source>
        <translation>다음 스텝에서 체크포인트를 저장하고 중지합니다. &apos;재개&apos;를 누르면 같은 작업을 이어서 진행합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue the interrupted run from its last checkpoint: same data, counters kept</source>
        <translation>중단된 작업을 마지막 체크포인트부터 이어서 진행합니다(같은 데이터, 카운터 유지)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this model</source>
        <translation>이 모델 사용</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;Sample outputs&lt;/b&gt; on dev sentences at the last validation:</source>
        <translation>마지막 검증 때 검증 세트 문장에 대한 &lt;b&gt;출력 예시&lt;/b&gt;:</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+17"/>
        <source>A training run is already in progress.</source>
        <translation>이미 학습 작업이 진행 중입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds no interrupted run to continue.</source>
        <translation>%1에 이어서 진행할 중단된 작업이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source> · %n processes</source>
        <translation>
            <numerusform> · 프로세스 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 parameters · %2 training pairs · %3 dev pairs</source>
        <translation>매개변수 %1개 · 학습 쌍 %2개 · 검증 쌍 %3개</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> (%n more left out: longer than data.max_pieces pieces)</source>
        <translation>
            <numerusform> (%n개는 제외됨: data.max_pieces 조각보다 김)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2 (%3%)</source>
        <translation>%1 %2쌍 (%3%)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Each epoch mixes&lt;/b&gt; %1 pairs.</source>
        <translation>&lt;b&gt;에포크마다 섞는 쌍&lt;/b&gt;: %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 kept %2 of %3</source>
        <translation>%1 %3쌍 중 %2쌍 남김</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;br&gt;&lt;b&gt;Cleaning&lt;/b&gt; (cleaning.json in the run folder lists why, with examples): %1.</source>
        <translation>&lt;br&gt;&lt;b&gt;정리&lt;/b&gt; (이유와 예는 실행 폴더의 cleaning.json에): %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the data:</source>
        <translation>데이터를 확인하세요:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>step %1 · epoch %2 · %3 tokens/s · loss %4 · lr %5 · best dev BLEU %6 · elapsed %7 · ETA %8</source>
        <translation>스텝 %1 · 에포크 %2 · %3 토큰/초 · 손실 %4 · 학습률 %5 · 최고 검증 BLEU %6 · 경과 %7 · 남은 시간 %8</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>finished: step %1 · %2 epochs · best dev BLEU %3 · %4 of training</source>
        <translation>완료: 스텝 %1 · %2 에포크 · 최고 검증 BLEU %3 · 학습 시간 %4</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 %2 / %3</source>
        <translation>%1 %2 / %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dev sets at step %1 (BLEU / chrF): %2; %3 picks the best checkpoint</source>
        <translation>%1단계의 개발 세트 (BLEU / chrF): %2; 가장 좋은 체크포인트는 %3로 고릅니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Training a new model: %1</source>
        <translation>새 모델 학습 중: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;New model&lt;/b&gt; — new vocabularies and a new network, trained from scratch on the imported data.</source>
        <translation>&lt;b&gt;새 모델&lt;/b&gt; — 가져온 데이터로 새 어휘와 새 네트워크를 처음부터 학습합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fine-tuning on new data: %1</source>
        <translation>새 데이터로 미세 조정 중: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Fine-tune&lt;/b&gt; — starts from an existing model&apos;s network and vocabularies and trains it on &lt;i&gt;new data&lt;/i&gt;. The step counter, best score and learning-rate schedule start over. The original model is not changed.</source>
        <translation>&lt;b&gt;미세 조정&lt;/b&gt; — 기존 모델의 네트워크와 어휘에서 시작하여 &lt;i&gt;새 데이터&lt;/i&gt;로 학습합니다. 스텝 카운터, 최고 점수, 학습률 스케줄은 처음부터 다시 시작합니다. 원래 모델은 변경되지 않습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Continuing an interrupted run: %1</source>
        <translation>중단된 작업 계속 중: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Continue an interrupted run&lt;/b&gt; — the &lt;i&gt;same data and settings&lt;/i&gt;; the step counter, best score, learning rate and optimizer state are kept from the last checkpoint (step %1).</source>
        <translation>&lt;b&gt;중단된 작업 계속&lt;/b&gt; — &lt;i&gt;같은 데이터와 설정&lt;/i&gt;을 사용하며, 스텝 카운터, 최고 점수, 학습률, 옵티마이저 상태는 마지막 체크포인트(스텝 %1)의 값을 그대로 이어받습니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import a corpus to start (File ▸ Train a model…).</source>
        <translation>시작하려면 말뭉치를 가져오세요(파일 ▸ 모델 학습…).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training in a separate process — the window stays responsive. Closing Dari pauses the run with a checkpoint.</source>
        <translation>별도 프로세스에서 학습 중입니다 — 창은 계속 사용할 수 있습니다. Dari를 닫으면 체크포인트를 저장하고 학습을 일시 중지합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopping: saving a checkpoint at the next step…</source>
        <translation>중지하는 중: 다음 스텝에서 체크포인트를 저장합니다…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused at step %1 with a checkpoint. Resume continues this run (same data, counters kept) — now, or after restarting Dari (File ▸ Continue interrupted training…).</source>
        <translation>스텝 %1에서 체크포인트를 저장하고 일시 중지했습니다. &apos;재개&apos;를 누르면 이 작업을 이어서 진행합니다(같은 데이터, 카운터 유지). 지금 바로 또는 Dari를 다시 시작한 후에(파일 ▸ 중단된 학습 계속…) 재개할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Finished at step %1, best dev BLEU %2: not usable yet — its output is still mostly noise. Train longer (a larger time or epoch budget), or on more pairs.</source>
        <translation>스텝 %1에서 완료, 최고 검증 BLEU %2: 아직 사용할 수 없습니다 — 출력이 아직 대부분 무의미합니다. 더 오래(시간 또는 에포크 한도를 늘려) 학습하거나 더 많은 쌍으로 학습하세요.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finished at step %1, best dev BLEU %2. The model is now in the model picker.</source>
        <translation>스텝 %1에서 완료, 최고 검증 BLEU %2. 이제 모델 선택 목록에서 이 모델을 사용할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>dari::TrainingPlan</name>
    <message>
        <location filename="../training/training_plan.cpp" line="+12"/>
        <source>Cannot create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>dari::TrainingSettingsPage</name>
    <message>
        <location filename="../training/training_settings_page.cpp" line="+51"/>
        <source>Training settings</source>
        <translation>학습 설정</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything here becomes options of &lt;code&gt;dari train&lt;/code&gt;, which runs in its own process.</source>
        <translation>여기에서 설정한 모든 값은 별도 프로세스에서 실행되는 &lt;code&gt;dari train&lt;/code&gt;의 옵션이 됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Advanced</source>
        <translation>고급</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A new model, trained from scratch</source>
        <translation>새 모델(처음부터 학습)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fine-tune %1 on this data</source>
        <translation>이 데이터로 %1 미세 조정</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat (question → answer)</source>
        <translation>대화(질문 → 답변)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 — embedding %2, hidden %3</source>
        <translation>%1 — 임베딩 %2, 은닉 %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> pieces</source>
        <translation> 조각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minutes:</source>
        <translation>분:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start from:</source>
        <translation>시작점(&amp;S):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model &amp;name:</source>
        <translation>모델 이름(&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Task:</source>
        <translation>용도(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cell:</source>
        <translation>셀(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>크기:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vocabulary:</source>
        <translation>어휘(&amp;V):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget:</source>
        <translation>학습 한도:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>bidirectional encoder</source>
        <translation>양방향 인코더</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> sentences</source>
        <translation> 문장</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at the start, decaying to</source>
        <translation>에서 시작하여 점차 감소 →</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> steps</source>
        <translation> 스텝</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Train in this many processes that share this machine&apos;s cores and sum their gradients (data parallelism); the model is the same as with one</source>
        <translation>이 컴퓨터의 코어를 나눠 쓰는 여러 프로세스로 학습하고 그래디언트를 합산합니다(데이터 병렬화). 결과 모델은 프로세스 하나로 학습할 때와 같습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Attention:</source>
        <translation>어텐션(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Layers:</source>
        <translation>층 수(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dropout:</source>
        <translation>드롭아웃(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning &amp;rate:</source>
        <translation>학습률(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch size:</source>
        <translation>배치 크기(&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teacher forcing:</source>
        <translation>교사 강요(teacher forcing):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate and checkpoint every:</source>
        <translation>검증 및 체크포인트 저장 간격:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Processes on this machine:</source>
        <translation>이 컴퓨터의 프로세스 수(&amp;P):</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;i&gt;New model:&lt;/i&gt; new vocabularies and a new network of the size below.</source>
        <translation>&lt;i&gt;새 모델:&lt;/i&gt; 새 어휘와 아래 크기의 새 네트워크를 만듭니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;i&gt;Fine-tune:&lt;/i&gt; starts from %1&apos;s network and vocabularies and trains them on the new data; step counter, best score and learning-rate schedule start over. %1 itself is not changed. (To continue an interrupted run instead, use File ▸ Continue interrupted training…)</source>
        <translation>&lt;i&gt;미세 조정:&lt;/i&gt; %1의 네트워크와 어휘에서 시작하여 새 데이터로 학습합니다. 스텝 카운터, 최고 점수, 학습률 스케줄은 처음부터 다시 시작합니다. %1 자체는 변경되지 않습니다. (중단된 작업을 이어서 진행하려면 파일 ▸ 중단된 학습 계속…을 사용하세요.)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+14"/>
        <source>%1 parameters</source>
        <translation>매개변수 %1개</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>counting parameters…</source>
        <translation>매개변수 세는 중…</translation>
    </message>
</context>
<context>
    <name>dari::WelcomePage</name>
    <message>
        <location filename="../welcome_page.cpp" line="+36"/>
        <source>&amp;Import a model file…</source>
        <translation>모델 파일 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train on &amp;my own corpus…</source>
        <translation>내 말뭉치로 학습(&amp;M)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both default models, with the recipes ./run.sh uses, on the public corpora named below; the dashboard shows the progress of both, and they can be stopped and continued.</source>
        <translation>두 기본 모델을 ./run.sh와 같은 레시피로 아래의 공개 말뭉치에서 학습합니다. 대시보드에 둘의 진행률이 보이고, 멈췄다가 이어서 할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No model for Chat mode yet</source>
        <translation>대화 모드에 아직 모델이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No model for Translate mode yet</source>
        <translation>번역 모드에 아직 모델이 없습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dari translates and chats with models it trains itself. It looked for a %1 model in:%2</source>
        <translation>Dari는 직접 학습시킨 모델로 번역하고 대화합니다. 다음 위치에서 %1 모델을 찾았습니다:%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>translation</source>
        <translation>번역</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;li&gt;%1: %2 (%3; %4)&lt;/li&gt;</source>
        <translation>&lt;li&gt;%1: %2 (%3; %4)&lt;/li&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue training the &amp;default models</source>
        <translation>기본 모델 학습 계속하기(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the &amp;default models</source>
        <translation>기본 모델 학습하기(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;The default models&lt;/b&gt; (ko-en for Translate, chat-ko for Chat) are trained on public corpora:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;&lt;i&gt;Train the default models&lt;/i&gt; finds them in &lt;code&gt;DARI_DATA&lt;/code&gt;, or asks for their folder, and trains both side by side with the recipes &lt;code&gt;./run.sh models&lt;/code&gt; uses (about 20 minutes on two cores; they can be stopped and continued, also after closing Dari). Or import a packed model someone shared (&lt;code&gt;.dari&lt;/code&gt;: its card names its data and licence).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;기본 모델&lt;/b&gt;(번역용 ko-en, 대화용 chat-ko)은 공개 말뭉치로 학습합니다:&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;&lt;i&gt;기본 모델 학습하기&lt;/i&gt;는 말뭉치를 &lt;code&gt;DARI_DATA&lt;/code&gt;에서 찾거나 폴더를 묻고, &lt;code&gt;./run.sh models&lt;/code&gt;와 같은 레시피로 둘을 나란히 학습합니다(코어 두 개로 약 20분, 멈췄다가 Dari를 닫은 뒤에도 이어서 할 수 있습니다). 또는 다른 사람이 공유한 모델 파일(&lt;code&gt;.dari&lt;/code&gt;: 카드에 데이터와 라이선스가 적혀 있습니다)을 가져오세요.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../window_app.cpp" line="+59"/>
        <source>Save a PNG of the window once it is shown, then quit.</source>
        <translation>창이 표시되면 PNG로 저장한 후 종료합니다.</translation>
    </message>
    <message>
        <location filename="../../app/dari_chat_main.cpp" line="+15"/>
        <source>Korean to English translation and chat.</source>
        <translation>한국어 → 영어 번역 및 대화.</translation>
    </message>
</context>
</TS>
